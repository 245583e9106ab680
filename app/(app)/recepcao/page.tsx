import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ReceptionList, type ReceptionRow } from "@/components/reception/reception-list";
import { getDb } from "@/db/index";
import { getCalendar } from "@/lib/appointments/calendar";
import { dayAppointments } from "@/lib/appointments/reception";
import { OPEN_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { requireUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { formatDay, formatTime, localDate } from "@/lib/dates";

export default async function ReceptionPage({ searchParams }: { searchParams: Promise<{ desfazer?: string | string[] }> }) {
  const user = await requireUser("reception.checkin");
  const db = getDb();
  const { timeZone } = await getCalendar(db, user.companyId);
  const now = systemClock.now();
  const today = localDate(now, timeZone);
  const { desfazer } = await searchParams;
  const [t, appointments] = await Promise.all([getTranslations("reception"), dayAppointments(db, user.companyId, today, timeZone)]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  const rows: ReceptionRow[] = appointments.map((a) => ({
    id: a.id,
    time: formatTime(a.startsAt, timeZone),
    customerName: a.customerName,
    asset: a.plate || a.model ? [a.plate, a.model].filter(Boolean).join(" · ") : (a.planName ?? ""),
    service: a.service ?? "",
    status: a.status,
    open: (OPEN_APPOINTMENT_STATUSES as readonly string[]).includes(a.status),
    // A no-show is refused before the start (lib/appointments/status.ts): not offered until then.
    started: a.startsAt <= now,
    // The sweep's no-shows are its own decision; the marks made here can be undone.
    undoable: a.status === "compareceu" || (a.status === "no_show" && a.noShowMarkedBy === "manual"),
  }));
  return (
    <div className="mx-auto max-w-6xl">
      <LiveRefresh types={["appointment.changed", "agenda.changed"]} />
      <PageHeader title={t("title")} description={t("subtitle", { date: formatDay(today), company: companyName })} />
      <ReceptionList rows={rows} undoId={typeof desfazer === "string" ? desfazer : null} />
    </div>
  );
}
