import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ProgramForm } from "@/components/admin/program-form";
import { getDb } from "@/db/index";
import { approvedTemplates, getProgram, listCampaigns } from "@/lib/agendas/programs";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("programs.manage");
  const { id } = await params;
  const db = getDb();
  const program = isUuid(id) ? await getProgram(db, user, id) : null;
  if (!program) notFound();
  const [t, campaigns, templates] = await Promise.all([
    getTranslations("programs"),
    listCampaigns(db, program.companyId),
    approvedTemplates(db, program.companyId),
  ]);
  return (
    <>
      <PageHeader title={t("edit")} description={program.name} />
      <ProgramForm companyId={program.companyId} campaigns={campaigns} templates={templates} program={program} />
    </>
  );
}
