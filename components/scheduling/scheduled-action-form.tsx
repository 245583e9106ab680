"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { saveScheduled } from "@/app/(app)/agendamentos/actions";
import { FieldError } from "@/components/forms/field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { SCHEDULED_ACTION_KINDS } from "@/db/schema/scheduled-actions";
import { formatPhone } from "@/lib/customers/phone";
import type { ScheduledActionOptions } from "@/lib/scheduled-actions/queries";
import { templateVariables } from "@/lib/whatsapp/template-text";

export type FormInitial = {
  id?: string;
  customerId?: string | null;
  contactId?: string | null;
  phone?: string;
  queueId?: string;
  agentId?: string;
  kind?: (typeof SCHEDULED_ACTION_KINDS)[number];
  scheduledAt?: string;
  message?: string;
  templateId?: string | null;
  templateParams?: string[];
  comment?: string;
};

type Props = { companyId: string; options: ScheduledActionOptions; initial?: FormInitial; onDone?: () => void };

/** Novo agendamento (seed 002): Pessoa → Contato, Departamento → Atendente, Ação, Data e hora, Mensagem, Comentário. */
export function ScheduledActionForm({ companyId, options, initial, onDone }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [v, setV] = useState<Required<Omit<FormInitial, "id">>>({
    customerId: initial?.customerId ?? "",
    contactId: initial?.contactId ?? "",
    phone: initial?.phone ?? "",
    queueId: initial?.queueId ?? "",
    agentId: initial?.agentId ?? "",
    kind: initial?.kind ?? "abrir_chamado",
    scheduledAt: initial?.scheduledAt ?? "",
    message: initial?.message ?? "",
    templateId: initial?.templateId ?? "",
    templateParams: initial?.templateParams ?? [],
    comment: initial?.comment ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>();
  const [needsTemplate, setNeedsTemplate] = useState(!!initial?.templateId);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  const contacts = options.contacts.filter((c) => c.customerId === v.customerId);
  const agents = options.members.filter((m) => m.queueId === v.queueId);
  const template = options.templates.find((tpl) => tpl.id === v.templateId);
  const variables = template ? templateVariables(template.body) : [];
  const sends = v.kind !== "notificar";
  const err = (key: string) => errors?.[key];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveScheduled({
        id: initial?.id,
        companyId,
        customerId: v.customerId || undefined,
        contactId: v.contactId || undefined,
        phone: v.contactId ? "" : v.phone,
        queueId: v.queueId,
        agentId: v.agentId,
        kind: v.kind,
        scheduledAt: v.scheduledAt,
        message: sends ? v.message : "",
        templateId: sends && needsTemplate ? v.templateId || undefined : undefined,
        templateParams: sends && needsTemplate ? variables.map((_, i) => v.templateParams[i] ?? "") : [],
        comment: v.comment,
      });
      if (!result.ok) {
        if (result.error === "window_closed_template_required") setNeedsTemplate(true);
        setErrors(result.fieldErrors);
        const conflictAt = result.fieldErrors?.conflictAt?.[0];
        toast.error(
          conflictAt
            ? t("scheduling.conflict", { time: conflictAt })
            : t.has(`errors.${result.error}`)
              ? t(`errors.${result.error}`)
              : t("errors.unexpected"),
        );
        return;
      }
      toast.success(initial?.id ? t("scheduling.updated") : t("scheduling.created"));
      setErrors(undefined);
      onDone?.();
      router.refresh();
    });
  }

  const conflictAt = errors?.conflictAt?.[0];
  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor="sa-customer">{t("scheduling.customer")}</Label>
        <NativeSelect
          id="sa-customer"
          value={v.customerId ?? ""}
          onChange={(e) => setV((old) => ({ ...old, customerId: e.target.value, contactId: "" }))}
        >
          <option value="">{t("scheduling.noCustomer")}</option>
          {options.customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="sa-contact">{t("scheduling.contact")}</Label>
        {contacts.length > 0 && (
          <NativeSelect id="sa-contact" value={v.contactId ?? ""} onChange={(e) => set("contactId", e.target.value)} aria-invalid={!!err("contactId")}>
            <option value="">{t("scheduling.otherNumber")}</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {formatPhone(c.phone)}
              </option>
            ))}
          </NativeSelect>
        )}
        {!v.contactId && (
          <Input
            id={contacts.length ? "sa-phone" : "sa-contact"}
            aria-label={contacts.length ? t("scheduling.number") : undefined}
            inputMode="tel"
            placeholder="(11) 99999-9999"
            value={v.phone}
            onChange={(e) => set("phone", e.target.value)}
            aria-invalid={!!err("phone")}
          />
        )}
        <FieldError errors={err("phone") ?? err("contactId")} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="sa-queue">{t("scheduling.queue")}</Label>
        <NativeSelect id="sa-queue" value={v.queueId} onChange={(e) => setV((old) => ({ ...old, queueId: e.target.value, agentId: "" }))} aria-invalid={!!err("queueId")}>
          <option value="">{t("scheduling.choose")}</option>
          {options.queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </NativeSelect>
        <FieldError errors={err("queueId")} />
      </div>
      {v.queueId && (
        <div className="grid gap-1.5">
          <Label htmlFor="sa-agent">{t("scheduling.agent")}</Label>
          <NativeSelect id="sa-agent" value={v.agentId} onChange={(e) => set("agentId", e.target.value)} aria-invalid={!!err("agentId")}>
            <option value="">{t("scheduling.choose")}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={err("agentId")} />
        </div>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="sa-kind">{t("scheduling.kind")}</Label>
        <NativeSelect id="sa-kind" value={v.kind} onChange={(e) => set("kind", e.target.value as (typeof SCHEDULED_ACTION_KINDS)[number])}>
          {SCHEDULED_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`scheduling.kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="sa-at">{t("scheduling.at")}</Label>
        <Input id="sa-at" type="datetime-local" value={v.scheduledAt} onChange={(e) => set("scheduledAt", e.target.value)} aria-invalid={!!err("scheduledAt")} />
        {conflictAt ? (
          <p className="text-sm text-destructive" role="alert">
            {t("scheduling.conflict", { time: conflictAt })}
          </p>
        ) : (
          <FieldError errors={err("scheduledAt")} />
        )}
      </div>
      {sends && (
        <div className="grid gap-1.5 md:col-span-2">
          <Label htmlFor="sa-message">{t("scheduling.message")}</Label>
          <Textarea id="sa-message" rows={3} value={v.message} onChange={(e) => set("message", e.target.value)} />
        </div>
      )}
      {sends && needsTemplate && (
        <div className="grid gap-2 md:col-span-2">
          <Alert>
            <AlertDescription>{t("scheduling.templateNeeded")}</AlertDescription>
          </Alert>
          <Label htmlFor="sa-template">{t("scheduling.template")}</Label>
          <NativeSelect id="sa-template" value={v.templateId ?? ""} onChange={(e) => setV((old) => ({ ...old, templateId: e.target.value, templateParams: [] }))} aria-invalid={!!err("templateId")}>
            <option value="">{t("scheduling.choose")}</option>
            {options.templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={err("templateId")} />
          {template && <p className="whitespace-pre-line rounded border bg-muted/40 p-2 text-sm">{template.body}</p>}
          {variables.map((n, i) => (
            <Input
              key={n}
              aria-label={t("scheduling.variable", { n })}
              placeholder={`{{${n}}}`}
              value={v.templateParams[i] ?? ""}
              onChange={(e) => set("templateParams", Object.assign([...v.templateParams], { [i]: e.target.value }))}
            />
          ))}
          <FieldError errors={err("templateParams")} />
        </div>
      )}
      <div className="grid gap-1.5 md:col-span-2">
        <Label htmlFor="sa-comment">
          {t("scheduling.comment")}
          {sends && " *"}
        </Label>
        <Textarea id="sa-comment" rows={2} value={v.comment} onChange={(e) => set("comment", e.target.value)} aria-invalid={!!err("comment")} />
        <FieldError errors={err("comment")} />
      </div>
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("scheduling.saving") : t("scheduling.save")}
        </Button>
      </div>
    </form>
  );
}
