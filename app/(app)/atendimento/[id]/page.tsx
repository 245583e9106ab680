import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhoneLink } from "@/components/customers/phone-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AppointmentActions } from "@/components/worklist/appointment-actions";
import { CallBadge, invitationBlock } from "@/components/worklist/call-badge";
import { SendInvitationButton } from "@/components/worklist/send-invitation-button";
import { OutcomeForm } from "@/components/worklist/outcome-form";
import type { SlotDay } from "@/components/worklist/slot-picker";
import { WhatsappState } from "@/components/worklist/whatsapp-state";
import { getDb } from "@/db/index";
import { getAgendaCard } from "@/lib/agendas/agenda-card";
import { isAgendaReason, OPEN_AGENDA_STATUSES } from "@/lib/agendas/status";
import { OPEN_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { callAdvice } from "@/lib/agendas/call-advice";
import { freeSlots } from "@/lib/appointments/calendar";
import { requireSection } from "@/lib/auth/session";
import { formatDocument } from "@/lib/customers/document";
import { formatDateTime, formatDay, formatTime, localDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

export default async function AgendaCardPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSection("atendimento");
  const { id } = await params;
  const db = getDb();
  const scope = { userId: user.id, companyIds: user.companyIds, canViewAllAgents: user.can("agendas.view_all_agents") };
  const card = isUuid(id) ? await getAgendaCard(db, scope, id) : null;
  if (!card) notFound();
  const { agenda, customer } = card;
  const tz = agenda.timeZone;
  const now = new Date();
  const [t, format, free] = await Promise.all([
    getTranslations(),
    getFormatter(),
    freeSlots(db, agenda.companyId, { from: localDate(now, tz), days: 21, now }),
  ]);
  const days: SlotDay[] = free.map((d) => ({
    day: d.day,
    label: format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: "short", day: "2-digit", month: "2-digit", timeZone: "UTC" }),
    slots: d.slots.map((s) => ({ value: s.startsAt.toISOString(), label: formatTime(s.startsAt, tz), free: s.free })),
  }));
  const assetLabel = (a: (typeof customer.assets)[number]) =>
    a.kind === "vehicle" ? `${a.model ?? ""} · ${a.plate ?? ""}` : `${a.planName ?? ""} · ${a.accessLogin ?? ""}`;
  const advice = callAdvice(agenda, { noReplyDays: agenda.noReplyDays ?? 3, now });
  const statusLabel = (s: string | null) => (s ? t(`worklist.statuses.${s}`) : "—");
  const appointmentLabel = (s: string | null) => (s && t.has(`card.appointmentStatus.${s}`) ? t(`card.appointmentStatus.${s}`) : "—");
  // Rows written before the reason codes hold prose, shown as it is, or the status moved to, which the
  // row already says.
  const reasonLabel = (reason: string | null, toStatus: string | null) =>
    isAgendaReason(reason) ? t(`agendaReasons.${reason}`) : !reason || reason === toStatus ? null : t("agendaReasons.other", { reason });
  const isOpen = (list: readonly string[], status: string) => list.includes(status);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <Link href="/atendimento" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t("card.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{customer.name}</h1>
          <p className="text-sm text-muted-foreground">
            {formatDocument(customer.document)} ·{" "}
            {t("card.agendaInfo", {
              date: formatDay(agenda.contactDate),
              origin: t(`worklist.origins.${agenda.origin}`),
              direction: t(`worklist.direction.${agenda.direction}`),
            })}
            {agenda.campaignName && ` · ${agenda.campaignName}`}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Badge variant="secondary" data-testid="agenda-status">{statusLabel(agenda.status)}</Badge>
          <WhatsappState state={agenda.whatsappState} at={agenda.whatsappAt} timeZone={tz} />
          <CallBadge advice={advice} />
          {isOpen(OPEN_AGENDA_STATUSES, agenda.status) && (
            <SendInvitationButton agendaId={agenda.id} blocked={invitationBlock(customer.whatsappOptOut, advice)} />
          )}
        </div>
      </div>
      {agenda.callbackAt && agenda.status === "pediu_ligar" && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {t("card.callbackScheduled", { at: formatDateTime(agenda.callbackAt, tz) })}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <CardHeader><CardTitle>{t("card.outcomeTitle")}</CardTitle></CardHeader>
            <CardContent>
              <OutcomeForm agendaId={agenda.id} assets={customer.assets.map((a) => ({ id: a.id, label: assetLabel(a) }))} days={days} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("card.appointments")}</CardTitle></CardHeader>
            <CardContent>
              {card.appointments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("card.noAppointments")}</p>
              ) : (
                <ul className="divide-y" data-testid="appointments">
                  {card.appointments.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-medium tabular-nums">{formatDateTime(a.startsAt, tz)}</span>
                        {a.service && <span className="text-muted-foreground"> · {a.service}</span>}
                        <Badge variant="outline" className="ml-2">{t(`card.appointmentStatus.${a.status}`)}</Badge>
                      </span>
                      {a.changeable && isOpen(OPEN_APPOINTMENT_STATUSES, a.status) && <AppointmentActions appointmentId={a.id} days={days} />}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("card.timeline")}</CardTitle></CardHeader>
            <CardContent>
              {card.history.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("card.noHistory")}</p>
              ) : (
                <ol className="space-y-3 border-l pl-4" data-testid="timeline">
                  {card.history.map((h) => (
                    <li key={h.id} className="text-sm">
                      <p className="text-xs text-muted-foreground tabular-nums">
                        {formatDateTime(h.at, tz)} · {h.authorName ?? t("card.system")}
                      </p>
                      <p>
                        {h.kind === "call_attempt"
                          ? t("card.callAttempt")
                          : h.kind === "appointment"
                            ? t("card.appointmentChange", { from: appointmentLabel(h.fromStatus), to: appointmentLabel(h.toStatus) })
                            : t("card.historyStatus", { from: statusLabel(h.fromStatus), to: statusLabel(h.toStatus) })}
                        {h.kind !== "call_attempt" && reasonLabel(h.reason, h.toStatus) && (
                          <span className="text-muted-foreground"> · {reasonLabel(h.reason, h.toStatus)}</span>
                        )}
                      </p>
                      {h.note && <p className="whitespace-pre-line text-muted-foreground">{h.note}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
        </div>

        <div className="space-y-4">
          <Card>
            <CardHeader><CardTitle>{t("card.contacts")}</CardTitle></CardHeader>
            <CardContent className="space-y-2 text-sm">
              {customer.contacts.map((c) => (
                <div key={c.id}>
                  <p className="font-medium">{c.name}{c.position && <span className="text-muted-foreground"> · {c.position}</span>}</p>
                  {c.mobile && (
                    <p>
                      <PhoneLink phone={c.mobile} />
                      {c.mobileInvalid && <Badge variant="destructive" className="ml-2">{t("contacts.mobileInvalid")}</Badge>}
                    </p>
                  )}
                  {c.phone && <p><PhoneLink phone={c.phone} /></p>}
                  {c.email && <p>{c.email}</p>}
                </div>
              ))}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("card.events")}</CardTitle></CardHeader>
            <CardContent className="text-sm">
              {card.events.length === 0 ? (
                // Said by the agenda's origin: an automatic agenda is no "manual agenda" (issue 11, item 6).
                <p className="text-muted-foreground" data-testid="no-events">
                  {agenda.origin === "manual"
                    ? t("card.noEvents")
                    : t("card.noProgramEvents", { program: agenda.programName ?? agenda.campaignName ?? "—" })}
                </p>
              ) : (
                <ul className="space-y-2">
                  {card.events.map((e) => (
                    <li key={e.id}>
                      <p>{e.description}</p>
                      <p className="text-xs text-muted-foreground">
                        {[e.model, e.plate, e.planName].filter(Boolean).join(" · ")} · {t("card.due", { date: formatDay(e.dueDate) })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("card.assets")}</CardTitle></CardHeader>
            <CardContent className="space-y-1 text-sm">
              {customer.assets.map((a) => <p key={a.id}>{assetLabel(a)}</p>)}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("card.serviceOrders")}</CardTitle></CardHeader>
            <CardContent className="space-y-2 text-sm">
              {customer.serviceOrders.length === 0 && <p className="text-muted-foreground">{t("customers.noOrders")}</p>}
              {customer.serviceOrders.slice(0, 8).map((o) => (
                <p key={o.id}>
                  <span className="font-mono">OS {o.number}</span> · {o.description}{" "}
                  <Badge variant="outline">{t(`customers.orderStatus.${o.status}`)}</Badge>
                </p>
              ))}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
