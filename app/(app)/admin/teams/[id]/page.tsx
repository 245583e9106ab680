import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GroupForm } from "@/components/admin/group-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { companyMembers } from "@/lib/org/members";
import { getTeam } from "@/lib/org/teams";

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("users.manage");
  const { id } = await params;
  const db = getDb();
  const group = isUuid(id) ? await getTeam(db, user, id) : null;
  if (!group) notFound();
  const [t, candidates] = await Promise.all([getTranslations("teams"), companyMembers(db, user.companyIds)]);
  return (
    <>
      <PageHeader title={t("edit")} description={group.name} />
      <GroupForm kind="teams" companies={user.companies} currentCompanyId={user.companyId} candidates={candidates} group={group} />
    </>
  );
}
