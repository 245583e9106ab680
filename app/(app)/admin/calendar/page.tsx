import { getTranslations } from "next-intl/server";
import { CalendarForm } from "@/components/admin/calendar-form";
import { HolidayList } from "@/components/admin/holiday-list";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/index";
import { getCalendar, listHolidays } from "@/lib/appointments/calendar";
import { requireUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";

export default async function CalendarPage() {
  const user = await requireUser("settings.manage");
  const db = getDb();
  const [t, calendar, holidays] = await Promise.all([
    getTranslations(),
    getCalendar(db, user.companyId),
    listHolidays(db, user.companyId),
  ]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  return (
    <>
      <PageHeader title={t("admin.calendar")} description={t("calendar.subtitle", { company: companyName })} />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("calendar.hoursTitle")}</CardTitle>
            <CardDescription>{t("calendar.hoursText")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CalendarForm
              // A new company (or a company switch) starts the form afresh.
              key={user.companyId}
              companyId={user.companyId}
              calendar={{
                openDays: calendar.openDays,
                opensAt: calendar.opensAt,
                closesAt: calendar.closesAt,
                slotMinutes: calendar.slotMinutes,
                capacityPerSlot: calendar.capacityPerSlot,
              }}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("calendar.holidaysTitle")}</CardTitle>
            <CardDescription>{t("calendar.holidaysText")}</CardDescription>
          </CardHeader>
          <CardContent>
            <HolidayList companyId={user.companyId} holidays={holidays.map((h) => ({ id: h.id, date: formatDay(h.date), name: h.name }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
