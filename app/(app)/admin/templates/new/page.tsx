import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { TemplateForm } from "@/components/admin/template-form";
import { requireUser } from "@/lib/auth/session";
import { whatsappEnv } from "@/lib/env";
import { templateFormOptions } from "../form-options";

export default async function NewTemplatePage() {
  const user = await requireUser("templates.manage");
  // With the cloud provider templates come from Meta (Sincronizar), never typed here.
  if (whatsappEnv().provider !== "sandbox") notFound();
  const [t, options] = await Promise.all([getTranslations("templates"), templateFormOptions()]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  return (
    <>
      <PageHeader title={t("new")} description={companyName} />
      <TemplateForm companyId={user.companyId} options={options} />
    </>
  );
}
