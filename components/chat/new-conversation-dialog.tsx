"use client";

import { AlertTriangle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { startConversation, templatePreview } from "@/app/(app)/conversas/actions";
import { FieldError } from "@/components/forms/field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { formatPhone, normalizePhone } from "@/lib/customers/phone";
import { fillTemplate } from "@/lib/whatsapp/template-text";
import { useActionToast } from "@/components/forms/use-action-toast";

export type NewConversationOptions = {
  senders: { id: string; phone: string; displayName: string; companyId: string }[];
  templates: { id: string; name: string; body: string; companyId: string }[];
};

type Props = NewConversationOptions & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "+ Selecionar Template" and Histórico's "⋮" reopen the popup with both numbers filled. */
  initial?: { senderNumberId: string; customerPhone: string; windowClosed?: boolean };
};

/** Nova Conversa, exactly as seed 001: numbers first; after 24 h an approved template is required. */
export function NewConversationDialog({ senders, templates, open, onOpenChange, initial }: Props) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [senderNumberId, setSender] = useState(initial?.senderNumberId ?? senders[0]?.id ?? "");
  const [customerPhone, setPhone] = useState(initial?.customerPhone ?? "");
  const [windowClosed, setWindowClosed] = useState(initial?.windowClosed ?? false);
  const [templateId, setTemplateId] = useState("");
  const [vars, setVars] = useState<{ number: number; value: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>();
  const [pending, startTransition] = useTransition();

  const sender = senders.find((s) => s.id === senderNumberId);
  const companyTemplates = templates.filter((tpl) => tpl.companyId === sender?.companyId);
  const template = companyTemplates.find((tpl) => tpl.id === templateId);
  // The server's own rule (lib/tickets/schema.ts): any common Brazilian form, sent as E.164 digits.
  const e164 = normalizePhone(customerPhone);
  const phoneInvalid = customerPhone.trim() !== "" && !e164;
  const numbersValid = !!senderNumberId && !!e164;
  const templateValid = !windowClosed || (!!template && vars.every((v) => v.value.trim()));
  const canCreate = numbersValid && templateValid && !pending;

  function chooseTemplate(id: string) {
    setTemplateId(id);
    setVars([]);
    if (!id) return;
    startTransition(async () => {
      const result = await templatePreview({ templateId: id, senderNumberId, customerPhone: e164 ?? customerPhone });
      if (result.ok && result.data) setVars(result.data.map((v) => ({ number: v.number, value: v.value })));
    });
  }

  function create() {
    startTransition(async () => {
      const result = await startConversation({
        senderNumberId,
        customerPhone: e164 ?? customerPhone,
        templateId: windowClosed ? templateId : undefined,
        params: windowClosed ? vars.map((v) => v.value) : undefined,
        clientMessageId: crypto.randomUUID(),
      });
      if (!result.ok) {
        if (result.error === "window_closed_template_required") {
          setWindowClosed(true);
          setErrors(undefined);
          return;
        }
        setErrors(result.fieldErrors);
        toastError(result.error);
        return;
      }
      onOpenChange(false);
      router.push(`/conversas?t=${result.data.ticketId}`);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg" closeLabel={t("common.cancel")}>
        <DialogHeader>
          <DialogTitle>{t("chat.newConversation")}</DialogTitle>
          <DialogDescription>{t("chat.toHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (canCreate) create();
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="nc-sender">{t("chat.sender")}</Label>
            <NativeSelect id="nc-sender" value={senderNumberId} onChange={(e) => setSender(e.target.value)}>
              {senders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName} ({s.phone})
                </option>
              ))}
            </NativeSelect>
            <FieldError errors={errors?.senderNumberId} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="nc-to">{t("chat.to")}</Label>
            <Input
              id="nc-to"
              type="tel"
              autoComplete="off"
              placeholder="(11) 99999-9999"
              value={customerPhone}
              onChange={(e) => {
                setPhone(e.target.value);
                setWindowClosed(false);
                setErrors(undefined);
              }}
              aria-invalid={phoneInvalid || !!errors?.customerPhone || undefined}
              aria-describedby={e164 ? "nc-to-normalized" : "nc-to-error"}
            />
            {e164 && (
              <p id="nc-to-normalized" className="text-xs text-muted-foreground" data-testid="nc-to-normalized">
                {t("chat.toNormalized", { phone: formatPhone(e164), e164 })}
              </p>
            )}
            {/* One message: the browser's check, or the server's when it is the one refusing. */}
            {phoneInvalid ? (
              <FieldError id="nc-to-error" errors={["customerPhoneFormat"]} />
            ) : (
              <FieldError id="nc-to-error" errors={errors?.customerPhone} />
            )}
          </div>
          {windowClosed && (
            <>
              <Alert variant="warning" role="alert" data-testid="window-alert">
                <AlertTriangle className="size-4" aria-hidden />
                <AlertDescription>{t("chat.windowAlert")}</AlertDescription>
              </Alert>
              <div className="space-y-1.5">
                <Label htmlFor="nc-template">
                  {t("chat.template")} <span className="text-destructive" aria-hidden>*</span>
                </Label>
                <NativeSelect id="nc-template" value={templateId} onChange={(e) => chooseTemplate(e.target.value)} required>
                  <option value="">{t("chat.chooseTemplate")}</option>
                  {companyTemplates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name}
                    </option>
                  ))}
                </NativeSelect>
                <FieldError errors={errors?.templateId} />
              </div>
              {template && (
                <>
                  {vars.map((v, i) => (
                    <div key={v.number} className="space-y-1.5">
                      <Label htmlFor={`nc-var-${v.number}`}>{t("chat.variable", { number: v.number })}</Label>
                      <Input
                        id={`nc-var-${v.number}`}
                        value={v.value}
                        onChange={(e) => setVars(vars.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                        required
                      />
                    </div>
                  ))}
                  <div className="space-y-1.5">
                    <Label htmlFor="nc-text">
                      {t("chat.templateText")} <span className="text-destructive" aria-hidden>*</span>
                    </Label>
                    <Textarea id="nc-text" readOnly rows={3} value={fillTemplate(template.body, vars.map((v) => v.value || `{{${v.number}}}`))} />
                    <FieldError errors={errors?.params} />
                  </div>
                </>
              )}
            </>
          )}
          <Button type="submit" disabled={!canCreate} className="w-full">
            {pending ? t("chat.creating") : t("chat.create")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
