import { getTranslations } from "next-intl/server";
import { CompanyForm } from "@/components/admin/company-form";
import { PageHeader } from "@/components/admin/page-header";
import { requireUser } from "@/lib/auth/session";

export default async function NewCompanyPage() {
  await requireUser("settings.manage");
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("new")} />
      <CompanyForm />
    </>
  );
}
