import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerForm } from "@/components/customers/customer-form";
import { requireSection } from "@/lib/auth/session";

export default async function NewCustomerPage() {
  const user = await requireSection("clientes");
  const t = await getTranslations("customers");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("new")} />
      <CustomerForm companies={user.companies} defaultCompanyId={user.companyId} />
    </div>
  );
}
