import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ProgramForm } from "@/components/admin/program-form";
import { getDb } from "@/db/index";
import { approvedTemplates, listCampaigns } from "@/lib/agendas/programs";
import { requireUser } from "@/lib/auth/session";

export default async function NewProgramPage() {
  const user = await requireUser("programs.manage");
  const db = getDb();
  const [campaigns, templates] = await Promise.all([listCampaigns(db, user.companyId), approvedTemplates(db, user.companyId)]);
  // A program belongs to a campaign: without one, create the campaign first.
  if (!campaigns.length) redirect("/admin/programs/campaigns/new");
  const t = await getTranslations("programs");
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name;
  return (
    <>
      <PageHeader title={t("new")} description={companyName} />
      <ProgramForm companyId={user.companyId} campaigns={campaigns} templates={templates} />
    </>
  );
}
