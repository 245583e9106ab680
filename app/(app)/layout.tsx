import { getTranslations } from "next-intl/server";
import { LiveIndicator } from "@/components/live/live-indicator";
import { CompanySwitcher } from "@/components/shell/company-switcher";
import { Notifications } from "@/components/shell/notifications";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/session";
import { visibleSections } from "@/lib/auth/sections";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  const sections = visibleSections(user.permissions).map((s) => ({ key: s.key, href: s.href }));
  return (
    <div className="flex min-h-screen">
      <a href="#conteudo" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <aside className="hidden w-60 shrink-0 border-r bg-sidebar md:block">
        <div className="flex h-14 items-center border-b px-4 text-lg font-bold tracking-tight text-primary">Atende</div>
        <SidebarNav sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-3 border-b px-4">
          <div className="md:hidden">
            <SidebarNav sections={sections} compact />
          </div>
          <CompanySwitcher companies={user.companies} currentId={user.companyId} />
          <div className="ml-auto flex items-center gap-1">
            <LiveIndicator />
            <Notifications userId={user.id} companyId={user.companyId} />
            <UserMenu name={user.name} email={user.email} roleName={user.roleName} />
          </div>
        </header>
        <main id="conteudo" className="flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
