import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/admin/campaign-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { getCampaign } from "@/lib/agendas/programs";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("programs.manage");
  const { id } = await params;
  const campaign = isUuid(id) ? await getCampaign(getDb(), user, id) : null;
  if (!campaign) notFound();
  const t = await getTranslations("programs");
  return (
    <>
      <PageHeader title={t("editCampaign")} description={campaign.name} />
      <CampaignForm companyId={campaign.companyId} campaign={campaign} />
    </>
  );
}
