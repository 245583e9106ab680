"use client";

import { useTranslations } from "next-intl";
import { saveCalendar } from "@/app/(app)/admin/calendar/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, TextField } from "@/components/forms/fields";

type Props = {
  companyId: string;
  calendar: { openDays: number[]; opensAt: string; closesAt: string; slotMinutes: number; capacityPerSlot: number };
};

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

export function CalendarForm({ companyId, calendar }: Props) {
  const t = useTranslations("calendar");
  return (
    <ActionForm action={saveCalendar} className="max-w-2xl">
      <input type="hidden" name="companyId" value={companyId} />
      <CheckboxGroupField
        name="openDays"
        label={t("openDays")}
        options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))}
        defaultValues={calendar.openDays.map(String)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="opensAt" label={t("opensAt")} type="time" defaultValue={calendar.opensAt} required />
        <TextField name="closesAt" label={t("closesAt")} type="time" defaultValue={calendar.closesAt} required />
        <TextField
          name="slotMinutes"
          label={t("slotMinutes")}
          hint={t("slotMinutesHint")}
          type="number"
          inputMode="numeric"
          defaultValue={calendar.slotMinutes}
          required
        />
        <TextField
          name="capacityPerSlot"
          label={t("capacityPerSlot")}
          hint={t("capacityPerSlotHint")}
          type="number"
          inputMode="numeric"
          defaultValue={calendar.capacityPerSlot}
          required
        />
      </div>
    </ActionForm>
  );
}
