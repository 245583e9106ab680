import { getTranslations } from "next-intl/server";
import { GroupForm } from "@/components/admin/group-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { companyMembers } from "@/lib/org/members";

export default async function NewTeamPage() {
  const user = await requireUser("users.manage");
  const t = await getTranslations("teams");
  const candidates = await companyMembers(getDb(), user.companyIds);
  return (
    <>
      <PageHeader title={t("new")} />
      <GroupForm kind="teams" companies={user.companies} currentCompanyId={user.companyId} candidates={candidates} />
    </>
  );
}
