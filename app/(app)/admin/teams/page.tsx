import { getTranslations } from "next-intl/server";
import { GroupTable } from "@/components/admin/group-table";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { listTeams } from "@/lib/org/teams";

export default async function TeamsPage() {
  const user = await requireUser("users.manage");
  const t = await getTranslations();
  const rows = await listTeams(getDb(), user);
  return (
    <>
      <PageHeader title={t("admin.teams")} description={t("admin.teamsText")} action={{ href: "/admin/teams/new", label: t("teams.new") }} />
      <GroupTable kind="teams" rows={rows} />
    </>
  );
}
