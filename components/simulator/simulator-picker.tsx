"use client";

import Form from "next/form";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

type Props = {
  senders: { id: string; label: string; active: boolean }[];
  /** `label` is ready to show: name, formatted number and sender. */
  recent: { senderNumberId: string; customerPhone: string; label: string }[];
  senderId: string;
  customer: string;
  name: string;
  customerInvalid: boolean;
  senderUnknown: boolean;
};

/**
 * Which conversation the phone shows: a company sender number and a customer number, either picked from
 * the recent conversations or typed. A GET form: the choice lives in the URL (?sender=&customer=&name=).
 */
export function SimulatorPicker({ senders, recent, senderId, customer, name, customerInvalid, senderUnknown }: Props) {
  const t = useTranslations("simulator");
  const tv = useTranslations("validation");
  const router = useRouter();

  function openRecent(value: string) {
    const chosen = recent[Number(value)];
    if (!chosen) return;
    const params = new URLSearchParams({ sender: chosen.senderNumberId, customer: chosen.customerPhone });
    router.push(`/simulador?${params.toString()}`);
  }

  const currentRecent = recent.findIndex((r) => r.senderNumberId === senderId && r.customerPhone === customer);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("pickTitle")}</CardTitle>
        <CardDescription>{t("pickText")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {recent.length > 0 && (
          <div className="space-y-1.5">
            <Label htmlFor="sim-recent">{t("recent")}</Label>
            <NativeSelect id="sim-recent" value={currentRecent >= 0 ? String(currentRecent) : ""} onChange={(e) => openRecent(e.target.value)}>
              <option value="">{t("recentPlaceholder")}</option>
              {recent.map((r, i) => (
                <option key={`${r.senderNumberId}|${r.customerPhone}`} value={i}>
                  {r.label}
                </option>
              ))}
            </NativeSelect>
          </div>
        )}

        <Form action="/simulador" className="space-y-4">
          <div className="space-y-1.5">
            <Label htmlFor="sim-sender">
              {t("sender")}
              <span aria-hidden className="text-destructive"> *</span>
            </Label>
            <NativeSelect
              id="sim-sender"
              name="sender"
              defaultValue={senderId}
              required
              aria-invalid={senderUnknown || undefined}
              aria-describedby="sim-sender-error"
            >
              <option value="">{t("senderPlaceholder")}</option>
              {senders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.active ? s.label : `${s.label} (${t("inactive")})`}
                </option>
              ))}
            </NativeSelect>
            <p id="sim-sender-error" className="text-sm text-destructive" role={senderUnknown ? "alert" : undefined}>
              {senderUnknown ? tv("senderRequired") : null}
            </p>
            {senders.length === 0 && <p className="text-sm text-muted-foreground">{t("noSenders")}</p>}
          </div>

          <div className="space-y-1.5">
            <Label htmlFor="sim-customer">
              {t("customer")}
              <span aria-hidden className="text-destructive"> *</span>
            </Label>
            <Input
              id="sim-customer"
              name="customer"
              defaultValue={customer}
              inputMode="tel"
              autoComplete="off"
              placeholder="5511987654321"
              required
              aria-invalid={customerInvalid || undefined}
              aria-describedby="sim-customer-hint sim-customer-error"
            />
            <p id="sim-customer-hint" className="text-xs text-muted-foreground">
              {t("customerHint")}
            </p>
            <p id="sim-customer-error" className="text-sm text-destructive" role={customerInvalid ? "alert" : undefined}>
              {customerInvalid ? tv("phone") : null}
            </p>
          </div>

          <div className="space-y-1.5">
            <Label htmlFor="sim-name">{t("contactName")}</Label>
            <Input id="sim-name" name="name" defaultValue={name} autoComplete="off" maxLength={100} aria-describedby="sim-name-hint" />
            <p id="sim-name-hint" className="text-xs text-muted-foreground">
              {t("contactNameHint")}
            </p>
          </div>

          <Button type="submit" disabled={senders.length === 0}>
            {t("open")}
          </Button>
        </Form>
      </CardContent>
    </Card>
  );
}
