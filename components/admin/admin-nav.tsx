import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { ADMIN_PAGES } from "@/lib/auth/sections";

export async function AdminNav({ user }: { user: CurrentUser }) {
  const t = await getTranslations("admin");
  return (
    <nav aria-label={t("title")} className="mb-6 flex flex-wrap gap-1 border-b pb-2 text-sm">
      {ADMIN_PAGES.filter((p) => user.can(p.permission)).map((p) => (
        <Link key={p.key} href={p.href} className="rounded-md px-3 py-1.5 hover:bg-accent hover:text-accent-foreground">
          {t(p.key)}
        </Link>
      ))}
    </nav>
  );
}
