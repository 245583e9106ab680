import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { TemplateForm } from "@/components/admin/template-form";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { whatsappEnv } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { getTemplate } from "@/lib/whatsapp/templates-admin";
import { templateFormOptions } from "../form-options";

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("templates.manage");
  if (whatsappEnv().provider !== "sandbox") notFound();
  const { id } = await params;
  const template = isUuid(id) ? await getTemplate(getDb(), user, id) : null;
  if (!template) notFound();
  const [t, options] = await Promise.all([getTranslations("templates"), templateFormOptions()]);
  return (
    <>
      <PageHeader title={t("edit")} description={template.name} />
      <TemplateForm companyId={template.companyId} options={options} template={template} />
    </>
  );
}
