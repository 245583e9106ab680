import { getTranslations } from "next-intl/server";
import { GroupForm } from "@/components/admin/group-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { companyMembers } from "@/lib/org/members";

export default async function NewQueuePage() {
  const user = await requireUser("settings.manage");
  const t = await getTranslations("queues");
  const candidates = await companyMembers(getDb(), user.companyIds);
  return (
    <>
      <PageHeader title={t("new")} />
      <GroupForm kind="queues" companies={user.companies} currentCompanyId={user.companyId} candidates={candidates} />
    </>
  );
}
