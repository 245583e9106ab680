import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CallImport } from "@/components/phone/call-import";
import { PbxKeyPanel } from "@/components/phone/pbx-key-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/dates";
import { pbxKeyInfo } from "@/lib/phone/pbx-keys";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("phone") };
}

export default async function PhoneSettingsPage() {
  const user = await requireUser("settings.manage");
  const [t, key] = await Promise.all([getTranslations("phoneAdmin"), pbxKeyInfo(getDb(), user.companyId)]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle", { company: companyName })} />
      <Card>
        <CardHeader>
          <CardTitle>{t("keyTitle")}</CardTitle>
          <CardDescription>{t("keyText")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PbxKeyPanel
            key={user.companyId}
            companyId={user.companyId}
            current={key ? { prefix: key.keyPrefix, createdAt: formatDateTime(key.createdAt, DEFAULT_TIME_ZONE) } : null}
          />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>{t("importTitle")}</CardTitle>
          <CardDescription>{t("importText")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CallImport />
        </CardContent>
      </Card>
    </>
  );
}
