import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSection } from "@/lib/auth/session";
import { ADMIN_PAGES } from "@/lib/auth/sections";

export default async function AdminPage() {
  const user = await requireSection("admin");
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_PAGES.filter((p) => user.can(p.permission)).map((p) => (
          <Link key={p.key} href={p.href} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Card className="h-full transition-colors hover:bg-accent/50">
              <CardHeader>
                <CardTitle>{t(p.key)}</CardTitle>
                <CardDescription>{t(`${p.key}Text`)}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
