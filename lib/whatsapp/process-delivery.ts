import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { applyInvitationStatuses, invitationAgendaId, type InvitationStatus } from "@/lib/agendas/whatsapp-status";
import { eventCtes } from "@/lib/events/emit";
import { WINDOW_CLOSED_CODE } from "./errors";
import type { DeliveryStatus, InboundMessage, StatusUpdate, WebhookDelivery } from "./parse-webhook";
import { customerOfNumberQuery } from "./reachability";

export type InboundResult = {
  messageId: string | null;
  conversationId: string;
  companyId: string;
  /** False when this wamid was already stored (a repeated delivery): nothing was written for it. */
  isNew: boolean;
  conversationCreated: boolean;
  customerId: string | null;
  customerPhone: string;
  wamid: string;
  type: string;
  body: string | null;
  interactive: Record<string, unknown> | null;
};

export type DeliveryResult = {
  inbound: InboundResult[];
  /** Statuses that moved a message forward. */
  statuses: number;
  /** Messages addressed to a phone-number id that is not one of our sender numbers. */
  unknownSender: number;
};

/**
 * Which current statuses a provider status may replace: queued < sent < delivered < read, and failed
 * only from queued or sent. A late "delivered" after "read" changes nothing; a "read" before "delivered" wins.
 */
const FORWARD_FROM: Record<DeliveryStatus, string> = {
  sent: "('queued')",
  delivered: "('queued', 'sent')",
  read: "('queued', 'sent', 'delivered')",
  failed: "('queued', 'sent')",
};

type Row = Record<string, unknown>;

/** Runs the statements of one delivery; `transaction` gives a runner bound to one transaction. */
type Runner = {
  query(query: SQL): Promise<Row[]>;
  transaction<T>(work: (runner: Runner) => Promise<T>): Promise<T>;
};

type PostgresJsClient = {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Row[]>;
  begin<T>(work: (client: PostgresJsClient) => Promise<T>): Promise<T>;
};

const dialect = new PgDialect();

function isPostgresJs(client: unknown): client is PostgresJsClient {
  return typeof client === "function" && "unsafe" in client && "begin" in client;
}

/**
 * drizzle runs raw SQL as unnamed statements, parsed and planned on every call. The webhook's CTEs are
 * the hot path, and planning them costs more than running them (measured: ~4× fewer deliveries/s), so
 * on postgres.js they run as named prepared statements, planned once per connection.
 */
function postgresJsRunner(client: PostgresJsClient): Runner {
  return {
    query(query) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return client.unsafe(text, params, { prepare: true });
    },
    transaction(work) {
      return client.begin((tx) => work(postgresJsRunner(tx)));
    },
  };
}

/** PGlite, or a transaction handed in by the caller: plain drizzle. */
function drizzleRunner(db: Db): Runner {
  return {
    async query(query) {
      // execute() answers an array with postgres.js and { rows } with PGlite.
      const result = (await db.execute(query)) as unknown;
      return Array.isArray(result) ? (result as Row[]) : ((result as { rows?: Row[] }).rows ?? []);
    },
    transaction(work) {
      return db.transaction((tx) => work(drizzleRunner(tx as unknown as Db)));
    },
  };
}

function runnerFor(db: Db): Runner {
  const client = (db as unknown as { $client?: unknown }).$client;
  return isPostgresJs(client) ? postgresJsRunner(client) : drizzleRunner(db);
}

function iso(date: Date) {
  return date.toISOString();
}

/** Provider timestamps are trusted up to our own clock: a future one would stretch the 24-h window. */
function clamp(timestamp: Date | null, now: Date): Date {
  return !timestamp || timestamp.getTime() > now.getTime() ? now : timestamp;
}

function json(value: unknown) {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/**
 * One statement per inbound message: upsert the conversation (sender number × customer phone; last
 * inbound never moves backwards; a newer message clears a 131047 mark), then insert the message unless
 * its wamid is known, attached to the conversation's open ticket if there is one, with its
 * `message.created` event (none for a repeat).
 */
function inboundStatement(m: InboundMessage, now: Date): SQL {
  const at = iso(clamp(m.timestamp, now));
  return sql`
    with sn as (
      select id, company_id from sender_numbers where provider_phone_id = ${m.phoneNumberId}
    ), conv as (
      insert into conversations as c (company_id, sender_number_id, customer_phone, contact_name, last_inbound_at)
      select sn.company_id, sn.id, ${m.customerPhone}, ${m.contactName}, ${at}::timestamptz from sn
      on conflict (sender_number_id, customer_phone) do update set
        last_inbound_at = greatest(c.last_inbound_at, excluded.last_inbound_at),
        contact_name = case
          when excluded.contact_name is not null and (c.last_inbound_at is null or excluded.last_inbound_at >= c.last_inbound_at)
          then excluded.contact_name else c.contact_name end,
        window_closed_marked_at = case
          when c.window_closed_marked_at <= excluded.last_inbound_at then null else c.window_closed_marked_at end
      returning c.id, c.company_id, c.customer_id, (c.xmax = 0) as created
    ), msg as (
      insert into messages (conversation_id, ticket_id, direction, author, type, body, interactive, media, wamid, status, status_at, created_at)
      select conv.id,
             (select t.id from tickets t where t.conversation_id = conv.id and t.status <> 'finalizado' limit 1),
             'in', 'customer', ${m.type}, ${m.body}, ${json(m.interactive)}::jsonb, ${json(m.media)}::jsonb, ${m.wamid},
             'received', ${at}::timestamptz, ${at}::timestamptz
      from conv
      on conflict (wamid) do nothing
      returning id, conversation_id, ticket_id
    ), ${eventCtes(sql`
      select 'message.created', conv.company_id, null::uuid, null::uuid,
             jsonb_build_object('messageId', msg.id, 'conversationId', msg.conversation_id, 'ticketId', msg.ticket_id)
      from msg cross join conv`)}
    select conv.id as conversation_id, conv.company_id, conv.customer_id, conv.created,
           (select id from msg) as new_id,
           (select id from messages where wamid = ${m.wamid}) as old_id,
           (select count(*) from announced) as announced
    from conv`;
}

/**
 * Moves an outbound message forward (never backwards), with its `message.status` event; a failed 131047
 * marks the conversation's window closed.
 */
function statusStatement(s: StatusUpdate, now: Date): SQL {
  const at = iso(clamp(s.timestamp, now));
  const from = sql.raw(FORWARD_FROM[s.status]);
  const failed = s.status === "failed";
  const code = failed ? s.errorCode : null;
  const title = failed ? s.errorTitle : null;
  const marksWindow = failed && code === WINDOW_CLOSED_CODE;
  return sql`
    with u as (
      update messages set
        status = ${s.status},
        status_at = ${at}::timestamptz,
        error_code = ${failed ? sql`${code}::int` : sql`error_code`},
        error_title = ${failed ? sql`${title}::text` : sql`error_title`}
      where wamid = ${s.wamid} and direction = 'out' and status in ${from}
      returning id, conversation_id
    ), w as (
      update conversations set window_closed_marked_at = ${at}::timestamptz
      where ${sql.raw(marksWindow ? "true" : "false")} and id in (select conversation_id from u)
        and (last_inbound_at is null or last_inbound_at < ${at}::timestamptz)
        and (window_closed_marked_at is null or window_closed_marked_at < ${at}::timestamptz)
      returning id
    ), ${eventCtes(sql`
      select 'message.status', c.company_id, null::uuid, null::uuid, jsonb_build_object('messageId', u.id, 'conversationId', u.conversation_id)
      from u join conversations c on c.id = u.conversation_id`)}
    select count(*)::int as applied, (select count(*) from announced) as announced,
           -- The statement's snapshot: the key and the status before this update (for the agenda step).
           (select m.idempotency_key from messages m where m.wamid = ${s.wamid} and m.direction = 'out') as key,
           (select m.status from messages m where m.wamid = ${s.wamid} and m.direction = 'out') as before
    from u`;
}

/** New conversations: link the customer the number belongs to (customerOfNumberQuery, same company). */
function linkCustomerStatement(conversationId: string, companyId: string, phone: string): SQL {
  return sql`
    update conversations set customer_id = (select m.customer_id from (${customerOfNumberQuery(companyId, phone)}) m)
    where id = ${conversationId} and customer_id is null
    returning customer_id`;
}

/**
 * Stores one webhook delivery idempotently (wamid unique), in one transaction when it holds more than one
 * item (a single-item delivery is one statement, atomic by itself). Safe to run twice, concurrently and
 * out of order: a repeated delivery stores nothing twice; statuses only move forward.
 */
export async function processDelivery(db: Db, delivery: WebhookDelivery, now: Date): Promise<DeliveryResult> {
  const result: DeliveryResult = { inbound: [], statuses: 0, unknownSender: 0 };
  // A stable order (by conversation, then wamid) keeps concurrent multi-item deliveries from deadlocking.
  const messages = [...delivery.messages].sort(
    (a, b) =>
      a.phoneNumberId.localeCompare(b.phoneNumberId) || a.customerPhone.localeCompare(b.customerPhone) || a.wamid.localeCompare(b.wamid),
  );
  const statuses = [...delivery.statuses].sort((a, b) => a.wamid.localeCompare(b.wamid));
  if (!messages.length && !statuses.length) return result;

  const created: { conversationId: string; companyId: string; phone: string }[] = [];
  const invitations: InvitationStatus[] = [];

  const runner = runnerFor(db);
  const work = async (tx: Runner) => {
    for (const m of messages) {
      const [row] = await tx.query(inboundStatement(m, now));
      if (!row) {
        result.unknownSender++;
        continue;
      }
      const conversationId = String(row.conversation_id);
      const companyId = String(row.company_id);
      const isNew = row.new_id !== null && row.new_id !== undefined;
      const messageId = (row.new_id ?? row.old_id ?? null) as string | null;
      if (row.created === true) created.push({ conversationId, companyId, phone: m.customerPhone });
      result.inbound.push({
        messageId,
        conversationId,
        companyId,
        isNew,
        conversationCreated: row.created === true,
        customerId: (row.customer_id ?? null) as string | null,
        customerPhone: m.customerPhone,
        wamid: m.wamid,
        type: m.type,
        body: m.body,
        interactive: m.interactive,
      });
    }
    for (const s of statuses) {
      const [row] = await tx.query(statusStatement(s, now));
      const applied = Number(row?.applied ?? 0);
      result.statuses += applied;
      // Applied now, or applied by an earlier delivery of the same status (Meta delivering again after a
      // 500): the agenda step below is idempotent and runs again.
      const key = (row?.key ?? null) as string | null;
      if (s.status !== "sent" && invitationAgendaId(key) && (applied > 0 || row?.before === s.status)) {
        invitations.push({ idempotencyKey: key!, status: s.status, errorCode: s.errorCode, errorTitle: s.errorTitle });
      }
    }
  };

  if (messages.length + statuses.length === 1) await work(runner);
  else await runner.transaction(work);

  // Invitation statuses move their agendas (entregue, lido, falhou). After the statuses are stored; a
  // failure answers 500 and Meta's next delivery of the same statuses runs this again.
  if (invitations.length) await applyInvitationStatuses(db, invitations, now);

  // Enrichment after the messages are safe: a failure here loses nothing.
  for (const c of created) {
    const [row] = await runner.query(linkCustomerStatement(c.conversationId, c.companyId, c.phone));
    const customerId = (row?.customer_id ?? null) as string | null;
    if (customerId) {
      for (const item of result.inbound) if (item.conversationId === c.conversationId) item.customerId = customerId;
    }
  }
  return result;
}
