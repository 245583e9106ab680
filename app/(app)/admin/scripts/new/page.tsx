import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ScriptEditor } from "@/components/phone/script-editor";
import { requireUser } from "@/lib/auth/session";

export default async function NewScriptPage() {
  const user = await requireUser("settings.manage");
  const t = await getTranslations("scriptsAdmin");
  return (
    <>
      <PageHeader title={t("new")} />
      <ScriptEditor companyId={user.companyId} script={null} />
    </>
  );
}
