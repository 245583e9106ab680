"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/forms/field-error";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export type SlotDay = { day: string; label: string; slots: { value: string; label: string; free: number }[] };

/** Day, then time: only slots with a free place are offered. Submits `slot` as an ISO instant. */
export function SlotPicker({ days, errors, idPrefix }: { days: SlotDay[]; errors?: string[]; idPrefix: string }) {
  const t = useTranslations("card");
  const [day, setDay] = useState(days[0]?.day ?? "");
  const current = days.find((d) => d.day === day);
  if (!days.length) return <p className="text-sm text-muted-foreground">{t("noSlots")}</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="space-y-1.5">
        <Label htmlFor={`${idPrefix}-day`}>{t("day")}</Label>
        <NativeSelect id={`${idPrefix}-day`} value={day} onChange={(e) => setDay(e.target.value)}>
          {days.map((d) => (
            <option key={d.day} value={d.day}>
              {d.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${idPrefix}-slot`}>{t("time")}</Label>
        <NativeSelect id={`${idPrefix}-slot`} name="slot" key={day} aria-invalid={!!errors?.length || undefined}>
          {current?.slots.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label} ({t("free", { count: s.free })})
            </option>
          ))}
        </NativeSelect>
        <FieldError errors={errors} />
      </div>
    </div>
  );
}
