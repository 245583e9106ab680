import { getTranslations } from "next-intl/server";
import type { TemplateFormOptions } from "@/components/admin/template-form";
import { TEMPLATE_CATEGORIES, TEMPLATE_LANGUAGES, TEMPLATE_STATUSES, VARIABLE_SOURCES, type VariableSource } from "@/lib/whatsapp/template-schema";

const SOURCE_KEYS: Record<VariableSource, "customerName" | "companyName" | "agentName" | "free"> = {
  "customer.name": "customerName",
  "company.name": "companyName",
  "agent.name": "agentName",
  free: "free",
};

/** The template form's select options, translated on the server (the client bundle stays free of zod). */
export async function templateFormOptions(): Promise<TemplateFormOptions> {
  const t = await getTranslations("templates");
  return {
    languages: TEMPLATE_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) })),
    categories: TEMPLATE_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })),
    statuses: TEMPLATE_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) })),
    sources: VARIABLE_SOURCES.map((value) => ({ value, label: t(`sources.${SOURCE_KEYS[value]}`) })),
  };
}

export function sourceLabelKey(source: string) {
  return (SOURCE_KEYS as Record<string, (typeof SOURCE_KEYS)[VariableSource] | undefined>)[source];
}
