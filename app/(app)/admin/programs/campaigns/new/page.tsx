import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/admin/campaign-form";
import { PageHeader } from "@/components/admin/page-header";
import { requireUser } from "@/lib/auth/session";

export default async function NewCampaignPage() {
  const user = await requireUser("programs.manage");
  const t = await getTranslations("programs");
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name;
  return (
    <>
      <PageHeader title={t("newCampaign")} description={companyName} />
      <CampaignForm companyId={user.companyId} />
    </>
  );
}
