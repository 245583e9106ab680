import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PhonePanel } from "@/components/simulator/phone-panel";
import { SimulatorPicker } from "@/components/simulator/simulator-picker";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { formatPhone, normalizePhone } from "@/lib/customers/phone";
import { formatDateTime, formatTime, localDate } from "@/lib/dates";
import { whatsappEnv } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { listSimulatorSenders, recentCustomerNumbers, simulatorConversation } from "@/lib/whatsapp/simulator";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");

/**
 * The customer-phone simulator of the sandbox provider (§9): a developer and demo tool, hidden from the
 * menu. Shows one conversation as the customer's phone would and answers through the real webhook.
 */
export default async function SimulatorPage({ searchParams }: { searchParams: SearchParams }) {
  if (whatsappEnv().provider !== "sandbox") notFound();
  const user = await requireUser("tickets.handle");
  const params = await searchParams;
  const db = getDb();

  const senderParam = one(params.sender);
  const customerParam = one(params.customer);
  const nameParam = one(params.name).slice(0, 100);
  const senderId = isUuid(senderParam) ? senderParam : "";
  const customerPhone = customerParam ? normalizePhone(customerParam) : null;

  const [t, senders, recent, view] = await Promise.all([
    getTranslations("simulator"),
    listSimulatorSenders(db, user.companyIds),
    recentCustomerNumbers(db, user.companyIds),
    senderId && customerPhone ? simulatorConversation(db, user.companyIds, senderId, customerPhone) : Promise.resolve(null),
  ]);

  const timeZone = view?.sender?.timeZone ?? "America/Sao_Paulo";
  const today = localDate(new Date(), timeZone);
  const messages = (view?.messages ?? []).map((m) => ({
    id: m.id,
    direction: m.direction,
    type: m.type,
    body: m.body,
    interactive: m.interactive,
    media: m.media,
    wamid: m.wamid,
    status: m.status,
    errorCode: m.errorCode,
    errorTitle: m.errorTitle,
    // Today's messages show the time only, like a phone.
    time: localDate(m.createdAt, timeZone) === today ? formatTime(m.createdAt, timeZone) : formatDateTime(m.createdAt, timeZone),
  }));

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <SimulatorPicker
          // A new choice in the URL starts the form afresh.
          key={`${senderParam}|${customerParam}|${nameParam}`}
          senders={senders.map((s) => ({ id: s.id, label: s.displayName, active: s.active }))}
          recent={recent.map((r) => ({
            senderNumberId: r.senderNumberId,
            customerPhone: r.customerPhone,
            label: `${r.contactName ? `${r.contactName} · ` : ""}${formatPhone(r.customerPhone)} — ${r.senderName}`,
          }))}
          senderId={senderId}
          customer={customerParam}
          name={nameParam}
          customerInvalid={!!customerParam && !customerPhone}
          senderUnknown={!!senderParam && !!customerPhone && !view?.sender}
        />
        {view?.sender && customerPhone && (
          // Until the customer's first message the conversation does not exist: any message event may be its start.
          <LiveRefresh types={["message.created", "message.status"]} conversationIds={view.conversation ? [view.conversation.id] : undefined} />
        )}
        {view?.sender && customerPhone ? (
          <PhonePanel
            key={`${view.sender.id}|${customerPhone}`}
            sender={{ id: view.sender.id, displayName: view.sender.displayName, phone: formatPhone(view.sender.phone) }}
            customerPhone={customerPhone}
            contactName={nameParam || view.conversation?.contactName || null}
            profileName={nameParam || null}
            messages={messages}
          />
        ) : (
          <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">{t("choose")}</p>
        )}
      </div>
    </div>
  );
}
