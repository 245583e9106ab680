import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AlertTriangle } from "lucide-react";
import { ChatScroll } from "@/components/chat/chat-scroll";
import { Composer } from "@/components/chat/composer";
import { MarkReadOnOpen } from "@/components/chat/mark-read-on-open";
import { FinalizeForm } from "@/components/chat/finalize-form";
import { MessageList } from "@/components/chat/message-list";
import { NewConversationButton } from "@/components/chat/new-conversation-button";
import { LiveRefresh } from "@/components/live/live-refresh";
import { OfferCard } from "@/components/desk/offer-card";
import { PresenceBar } from "@/components/desk/presence-bar";
import { NoteForm } from "@/components/desk/note-form";
import { TransferForm } from "@/components/desk/transfer-form";
import { PickButton } from "@/components/chat/pick-button";
import { PhoneLink } from "@/components/customers/phone-link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getDb } from "@/db/index";
import { requireSection } from "@/lib/auth/session";
import { formatPhone } from "@/lib/customers/phone";
import { DEFAULT_TIME_ZONE, formatDateTime, formatTime } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { deskPresence } from "@/lib/desk/desk-queries";
import { myPendingOffers } from "@/lib/desk/offers";
import { ticketNotes } from "@/lib/desk/notes";
import { listPauseReasons } from "@/lib/desk/presence";
import { lastTransferOutcome, transferCandidates, transferQueues } from "@/lib/desk/transfer";
import { markTicketRead } from "@/lib/tickets/pick-ticket";
import { myOpenTickets, newConversationOptions, ticketDetail, waitingTickets } from "@/lib/tickets/desk-queries";
import { companyTimeZones } from "@/lib/org/companies";
import { cn } from "@/lib/cn";
import { isWindowOpen } from "@/lib/whatsapp/window";

export async function generateMetadata() {
  const t = await getTranslations("chat");
  return { title: t("title") };
}

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const user = await requireSection("conversas");
  const { t: selected } = await searchParams;
  const db = getDb();
  const now = new Date();
  const [mine, waiting, options, zones, t, presence, pauseReasons, offers] = await Promise.all([
    myOpenTickets(db, user.id, user.companyIds),
    waitingTickets(db, user.id, user.companyIds),
    newConversationOptions(db, user.companyIds),
    companyTimeZones(db, user.companyIds),
    getTranslations("chat"),
    deskPresence(db, user.id),
    listPauseReasons(db, user.companyIds),
    myPendingOffers(db, user.id),
  ]);
  const detail = selected && isUuid(selected) ? await ticketDetail(db, user, selected) : null;
  const notes = detail ? await ticketNotes(db, detail.ticket.id) : [];
  const mineSelected = detail && detail.ticket.agentId === user.id && detail.ticket.status === "em_atendimento";
  if (mineSelected) await markTicketRead(db, detail.ticket.id, { userId: user.id, now });
  const [transferAgents, transferQueueList, transferOutcome] = mineSelected
    ? await Promise.all([
        transferCandidates(db, { ticketId: detail.ticket.id }, { userId: user.id, companyIds: user.companyIds }),
        transferQueues(db, detail.ticket.companyId),
        lastTransferOutcome(db, detail.ticket.id, user.id),
      ])
    : [[], [], null];
  const td = await getTranslations("desk");
  const tz = (id?: string) => (id && zones.get(id)) || DEFAULT_TIME_ZONE;
  const label = (r: { customerName: string | null; contactName: string | null; customerPhone: string }) =>
    r.customerName ?? r.contactName ?? formatPhone(r.customerPhone);

  return (
    <div className="grid h-[calc(100vh-7.5rem)] min-h-[32rem] gap-4 lg:grid-cols-[18rem_1fr_18rem]">
      {/* The lists follow the tickets (queue, assignment, unread); the chat, its conversation's messages. */}
      <LiveRefresh types={["ticket.changed", "message.created", "message.status", "presence.changed", "offer.changed"]} conversationIds={detail ? [detail.ticket.conversationId] : []} />
      {detail && <MarkReadOnOpen ticketId={detail.ticket.id} lastInboundId={detail.messages.findLast((m) => m.direction === "in")?.id} />}
      <aside className="flex min-h-0 flex-col gap-4 overflow-y-auto rounded-lg border bg-card p-3">
        <div className="flex items-center justify-between">
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <NewConversationButton options={options} />
        </div>
        <PresenceBar
          presence={{ ...presence, since: presence.since?.toISOString() ?? null }}
          reasons={pauseReasons.filter((r, i, all) => all.findIndex((o) => o.name === r.name) === i)}
        />
        {offers.length > 0 && (
          <section aria-label={t("offers")} className="space-y-2" data-testid="offers">
            {offers.map((o) => (
              <OfferCard key={o.id} offer={{ ...o, openedAt: o.openedAt.toISOString() }} />
            ))}
          </section>
        )}
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="mb-1 text-sm font-medium text-muted-foreground">{t("mine")}</h2>
          {mine.length === 0 && <p className="text-sm text-muted-foreground">{t("noMine")}</p>}
          <ul className="space-y-1" data-testid="my-tickets">
            {mine.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/conversas?t=${r.id}`}
                  aria-current={r.id === selected ? "page" : undefined}
                  className={cn("flex items-center justify-between rounded-md px-2 py-1.5 text-sm hover:bg-accent", r.id === selected && "bg-accent")}
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{label(r)}</span>
                    <span className="block text-xs text-muted-foreground tabular-nums">{formatPhone(r.customerPhone)}</span>
                  </span>
                  {r.unread && r.id !== selected && (
                    <span className="size-2.5 shrink-0 rounded-full bg-primary" title={t("unread")}>
                      <span className="sr-only">{t("unread")}</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" className="mb-1 text-sm font-medium text-muted-foreground">{t("queue")}</h2>
          {waiting.length === 0 && <p className="text-sm text-muted-foreground">{t("noQueue")}</p>}
          <ul className="space-y-2" data-testid="queue-tickets">
            {waiting.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2 rounded-md border px-2 py-1.5 text-sm">
                <span className="min-w-0">
                  <span className="block truncate font-medium">{label(r)}</span>
                  <span className="block text-xs text-muted-foreground">
                    {r.queueName} · {t("waitingSince", { time: formatTime(r.openedAt, DEFAULT_TIME_ZONE) })}
                  </span>
                </span>
                <PickButton ticketId={r.id} />
              </li>
            ))}
          </ul>
        </section>
      </aside>

      <section className="flex min-h-0 flex-col rounded-lg border bg-card" aria-label={t("title")}>
        {!detail ? (
          <p className="m-auto p-6 text-center text-muted-foreground">{t("selectTicket")}</p>
        ) : (
          <>
            <header className="border-b px-4 py-2">
              <p className="font-semibold" data-testid="chat-customer">{label(detail.ticket)}</p>
              <p className="text-xs text-muted-foreground">
                <PhoneLink phone={detail.ticket.customerPhone} /> · {t("protocol", { protocol: detail.ticket.protocol })}
              </p>
            </header>
            <ChatScroll
              key={detail.ticket.id}
              className="min-h-0 flex-1 overflow-y-auto p-4"
              firstKey={detail.messages[0]?.id}
              lastKey={detail.messages.at(-1)?.id}
            >
              <MessageList messages={detail.messages} notes={notes} timeZone={tz(detail.ticket.companyId)} customerLabel={label(detail.ticket)} />
            </ChatScroll>
            {mineSelected && (
              <footer className="space-y-2 border-t p-3">
                {!isWindowOpen(detail.ticket.lastInboundAt, now) && (
                  <Alert variant="warning" data-testid="window-alert">
                    <AlertTriangle className="size-4" aria-hidden />
                    <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
                      {t("windowAlert")}
                      <NewConversationButton
                        options={options}
                        variant="outline"
                        label={t("selectTemplate")}
                        initial={{ senderNumberId: detail.ticket.senderNumberId, customerPhone: detail.ticket.customerPhone, windowClosed: true }}
                      />
                    </AlertDescription>
                  </Alert>
                )}
                <Composer ticketId={detail.ticket.id} disabled={!isWindowOpen(detail.ticket.lastInboundAt, now)} />
              </footer>
            )}
          </>
        )}
      </section>

      <aside className="min-h-0 space-y-4 overflow-y-auto rounded-lg border bg-card p-3 text-sm">
        {detail && (
          <section aria-label={t("details")} className="space-y-1">
            <h2 className="font-semibold">{t("details")}</h2>
            <p>{t("protocol", { protocol: detail.ticket.protocol })}</p>
            {detail.ticket.queueName && <p>{t("queueName", { name: detail.ticket.queueName })}</p>}
            <p>{t("openedAt", { time: formatDateTime(detail.ticket.openedAt, tz(detail.ticket.companyId)) })}</p>
          </section>
        )}
        {mineSelected && transferOutcome && transferOutcome.status !== "accepted" && (
          <Alert variant={transferOutcome.status === "pending" ? "default" : "warning"} data-testid="transfer-outcome">
            <AlertDescription>
              {td(transferOutcome.status === "pending" ? "transferPending" : transferOutcome.status === "declined" ? "transferDeclined" : "transferExpired", { name: transferOutcome.agentName })}
            </AlertDescription>
          </Alert>
        )}
        {mineSelected && <NoteForm ticketId={detail.ticket.id} />}
        {mineSelected && <TransferForm ticketId={detail.ticket.id} agents={transferAgents} queues={transferQueueList} />}
        {mineSelected && (
          <FinalizeForm
            ticketId={detail.ticket.id}
            reasons={options.reasons.filter((r) => r.companyId === detail.ticket.companyId)}
            required={detail.ticket.closeScriptRequired}
          />
        )}
      </aside>
    </div>
  );
}
