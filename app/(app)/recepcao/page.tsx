import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ReceptionList, type ReceptionRow } from "@/components/reception/reception-list";
import { getDb } from "@/db/index";
import { getCalendar } from "@/lib/appointments/calendar";
import { dayAppointments } from "@/lib/appointments/reception";
import { requireUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { formatDay, formatTime, localDate } from "@/lib/dates";

export default async function ReceptionPage() {
  const user = await requireUser("reception.checkin");
  const db = getDb();
  const { timeZone } = await getCalendar(db, user.companyId);
  const today = localDate(systemClock.now(), timeZone);
  const [t, appointments] = await Promise.all([getTranslations("reception"), dayAppointments(db, user.companyId, today, timeZone)]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  const rows: ReceptionRow[] = appointments.map((a) => ({
    id: a.id,
    time: formatTime(a.startsAt, timeZone),
    customerName: a.customerName,
    asset: a.plate || a.model ? [a.plate, a.model].filter(Boolean).join(" · ") : (a.planName ?? ""),
    service: a.service ?? "",
    status: a.status,
  }));
  return (
    <div className="mx-auto max-w-6xl">
      <LiveRefresh types={["appointment.changed", "agenda.changed"]} />
      <PageHeader title={t("title")} description={t("subtitle", { date: formatDay(today), company: companyName })} />
      <ReceptionList rows={rows} />
    </div>
  );
}
