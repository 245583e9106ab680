import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GroupForm } from "@/components/admin/group-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { companyMembers } from "@/lib/org/members";
import { getQueue } from "@/lib/org/queues";

export default async function EditQueuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("settings.manage");
  const { id } = await params;
  const db = getDb();
  const group = isUuid(id) ? await getQueue(db, user, id) : null;
  if (!group) notFound();
  const [t, candidates] = await Promise.all([getTranslations("queues"), companyMembers(db, user.companyIds)]);
  return (
    <>
      <PageHeader title={t("edit")} description={group.name} />
      <GroupForm kind="queues" companies={user.companies} currentCompanyId={user.companyId} candidates={candidates} group={group} />
    </>
  );
}
