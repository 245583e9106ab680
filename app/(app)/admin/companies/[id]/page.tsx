import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CompanyForm } from "@/components/admin/company-form";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getCompany } from "@/lib/org/companies";

export default async function EditCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("settings.manage");
  const { id } = await params;
  const company = isUuid(id) ? await getCompany(getDb(), user, id) : null;
  if (!company) notFound();
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("edit")} description={company.name} />
      <CompanyForm company={company} />
    </>
  );
}
