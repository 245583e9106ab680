import { getTranslations } from "next-intl/server";
import { GroupTable } from "@/components/admin/group-table";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { listQueues } from "@/lib/org/queues";

export default async function QueuesPage() {
  const user = await requireUser("settings.manage");
  const t = await getTranslations();
  const rows = await listQueues(getDb(), user);
  return (
    <>
      <PageHeader title={t("admin.queues")} description={t("admin.queuesText")} action={{ href: "/admin/queues/new", label: t("queues.new") }} />
      <GroupTable kind="queues" rows={rows} />
    </>
  );
}
