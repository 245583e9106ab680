"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveTemplate } from "@/app/(app)/admin/templates/actions";
import { ActionForm, useFieldErrors, useFieldId } from "@/components/forms/action-form";
import { FieldError } from "@/components/forms/field-error";
import { SelectField, TextField } from "@/components/forms/fields";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { templateVariables } from "@/lib/whatsapp/template-text";

type Option = { value: string; label: string };

export type TemplateFormOptions = {
  languages: Option[];
  categories: Option[];
  statuses: Option[];
  /** customer.name, company.name, agent.name, free — with their labels. */
  sources: Option[];
};

type Props = {
  companyId: string;
  options: TemplateFormOptions;
  template?: {
    id: string;
    name: string;
    language: string;
    category: string;
    status: string;
    body: string;
    variables: Record<string, string>;
    buttons: { type: string; text: string }[];
  };
};

/** The body, watched as it is typed so each {{n}} gets its source select below. */
function BodyField({ value, onChange, label, hint }: { value: string; onChange: (v: string) => void; label: string; hint: string }) {
  const id = useFieldId("body");
  const errors = useFieldErrors("body");
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>
        {label}
        <span aria-hidden className="text-destructive"> *</span>
      </Label>
      <Textarea
        id={id}
        name="body"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={5}
        maxLength={1024}
        required
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function Group({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {children}
    </fieldset>
  );
}

/**
 * A WhatsApp template managed by hand (sandbox provider): name and language (fixed once created),
 * category, status, body with {{n}} variables and a source per variable, and up to 3 quick replies.
 */
export function TemplateForm({ companyId, options, template }: Props) {
  const t = useTranslations("templates");
  const [body, setBody] = useState(template?.body ?? "");
  const variables = templateVariables(body);
  const languageLabel = options.languages.find((l) => l.value === template?.language)?.label ?? template?.language;

  return (
    <ActionForm action={saveTemplate} redirectTo="/admin/templates" successMessage={template ? "saved" : "created"} className="max-w-3xl">
      <input type="hidden" name="companyId" value={companyId} />
      {template && (
        <>
          <input type="hidden" name="id" value={template.id} />
          <input type="hidden" name="name" value={template.name} />
          <input type="hidden" name="language" value={template.language} />
          <dl className="grid gap-4 rounded-lg border bg-muted/40 p-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">{t("name")}</dt>
              <dd className="font-mono">{template.name}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("language")}</dt>
              <dd>{languageLabel}</dd>
            </div>
            <p className="text-xs text-muted-foreground sm:col-span-2">{t("identityFixed")}</p>
          </dl>
        </>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {!template && (
          <>
            <TextField name="name" label={t("name")} hint={t("nameHint")} required autoComplete="off" placeholder="lembrete_revisao" />
            <SelectField name="language" label={t("language")} required defaultValue="pt_BR" options={options.languages} />
          </>
        )}
        <SelectField name="category" label={t("category")} required defaultValue={template?.category ?? "UTILITY"} options={options.categories} />
        <SelectField
          name="status"
          label={t("status")}
          hint={t("statusHint")}
          required
          defaultValue={template?.status ?? "PENDING"}
          options={options.statuses}
        />
      </div>

      <BodyField value={body} onChange={setBody} label={t("body")} hint={t("bodyHint", { example: "{{1}}" })} />

      <Group title={t("variables")} hint={variables.length ? t("variablesHint") : undefined}>
        {variables.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noVariables")}</p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            {variables.map((n) => (
              <SelectField
                key={n}
                name={`variable_${n}`}
                label={t("variable", { token: `{{${n}}}` })}
                required
                defaultValue={template?.variables[String(n)] ?? "free"}
                options={options.sources}
              />
            ))}
          </div>
        )}
      </Group>

      <Group title={t("buttons")} hint={t("buttonsHint")}>
        <div className="grid gap-4 sm:grid-cols-3">
          {[1, 2, 3].map((n) => (
            <TextField
              key={n}
              name={`button_${n}`}
              label={t("button", { n })}
              defaultValue={template?.buttons.filter((b) => b.type === "QUICK_REPLY")[n - 1]?.text}
              autoComplete="off"
            />
          ))}
        </div>
      </Group>
    </ActionForm>
  );
}
