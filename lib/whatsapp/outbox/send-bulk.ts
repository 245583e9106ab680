import { inArray, sql, type SQL } from "drizzle-orm";
import { anyUuid } from "@/db/any-of";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { eventCtes } from "@/lib/events/emit";
import { conversations, messages } from "@/db/schema/whatsapp";
import { conversationKey, conversationsFor } from "../conversations";
import { WINDOW_CLOSED_CODE } from "../errors";
import type { OutboundPayload, SendResult, WhatsappGateway } from "../gateway";
import type { Sender } from "../reachability";
import { checkTemplateValues } from "../template-text";
import { withdrawRefusedTemplate } from "../template-status";
import { claimUsedKeys } from "./claim";
import { messageContent, validateOutboundPayload } from "./payload";
import { callProvider, errorText, resultAfterSend, resultOf, type SendMessageResult } from "./result";

/** An approved template of a company, as the bulk send fills it. */
export type Template = { name: string; language: string; body: string; buttons: { type: "QUICK_REPLY" | "URL"; text: string }[] };

export type TemplateItem = {
  sender: Sender;
  phone: string;
  customerId: string;
  firstName: string;
  template: Template;
  values: string[];
  /** One message per key, ever ("invite:<agendaId>"). */
  idempotencyKey: string;
};

export type TemplateOutcome =
  | { kind: "invalid_params"; detail: string }
  | { kind: "result"; result: SendMessageResult }
  | { kind: "error"; message: string };

type TemplateContent = { body: string | null; templateName?: string; templateParams?: unknown; interactive?: unknown };
type Planned = { item: TemplateItem; payload: Extract<OutboundPayload, { type: "template" }>; conversationId: string };
type ToSend = { messageId: string; key: string; to: string; providerPhoneId: string; companyId: string; payload: OutboundPayload; duplicate: boolean };
type Done = { send: ToSend; outcome: SendResult };

/**
 * The jobs' bulk form of sendMessage for templates, with the same guarantees (rows first, one message per
 * idempotency key, a queued row abandoned by a crash claimed again only after QUEUED_LEASE_MS) in a
 * handful of statements per batch instead of ~6 per message: the batch's conversations and queued rows
 * are written at once, the provider calls overlap (`concurrency`), and their outcomes are recorded as
 * they arrive in group commits — one statement for everything that came back while the previous one
 * ran — so a crash can leave unrecorded at most the sends of one group, as with per-message writes
 * under concurrency. Returns each item's outcome by idempotency key.
 */
export async function sendTemplates(
  db: Db,
  gateway: WhatsappGateway,
  items: TemplateItem[],
  now: Date,
  opts: { concurrency?: number } = {},
): Promise<Map<string, TemplateOutcome>> {
  const outcomes = new Map<string, TemplateOutcome>();
  const planned: Omit<Planned, "conversationId">[] = [];
  for (const item of items) {
    const check = checkTemplateValues(item.template.body, item.values);
    if (!check.ok) {
      outcomes.set(item.idempotencyKey, { kind: "invalid_params", detail: `variáveis ${[...check.missing, ...check.invalid].join(", ")}` });
      continue;
    }
    const payload = {
      type: "template" as const,
      name: item.template.name,
      language: item.template.language,
      params: check.params,
      renderedBody: check.text,
      buttons: item.template.buttons,
    };
    try {
      validateOutboundPayload(payload);
    } catch {
      outcomes.set(item.idempotencyKey, { kind: "invalid_params", detail: "parâmetros fora dos limites do WhatsApp" });
      continue;
    }
    planned.push({ item, payload });
  }
  if (!planned.length) return outcomes;

  const conversationOf = await conversationsFor(
    db,
    planned.map(({ item }) => ({ sender: item.sender, phone: item.phone, customerId: item.customerId, contactName: item.firstName })),
  );
  // Same key order in every run, so two runs inserting the same batch wait on each other instead of deadlocking.
  const rows = planned
    .map((p) => ({ ...p, conversationId: conversationOf.get(conversationKey(p.item.sender.id, p.item.phone))! }))
    .sort((a, b) => (a.item.idempotencyKey < b.item.idempotencyKey ? -1 : 1));
  const byKey = new Map(rows.map((r) => [r.item.idempotencyKey, r]));

  const contents = rows.map((r) => messageContent(r.payload) as TemplateContent);
  const column = <T>(pick: (r: Planned, c: TemplateContent) => T) => sql.param(rows.map((r, i) => pick(r, contents[i])));
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  // One array per column: the statement's text is the same for every batch size.
  const inserted = rowsOf<{ id: string; key: string }>(
    await db.execute(sql`
      with ins as (
      insert into messages (conversation_id, direction, author, type, body, template_name, template_params, interactive, idempotency_key, status, status_at, created_at)
      select conversation_id, 'out', 'system', 'template', body, template_name, template_params::jsonb, interactive::jsonb, key, 'queued', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from unnest(${column((r) => r.conversationId)}::uuid[], ${column((_, c) => c.body)}::text[], ${column((_, c) => c.templateName)}::text[],
        ${column((_, c) => json(c.templateParams))}::text[], ${column((_, c) => json(c.interactive))}::text[], ${column((r) => r.item.idempotencyKey)}::text[])
        as t(conversation_id, body, template_name, template_params, interactive, key)
      on conflict (idempotency_key) do nothing
      returning id, idempotency_key as key, conversation_id
      ), ${messageEvents("message.created", sql`ins`)}
      select id, key, (select count(*) from announced) as announced from ins`),
  );

  const target = (r: Planned) => ({ to: r.item.phone, providerPhoneId: r.item.sender.providerPhoneId, companyId: r.item.sender.companyId, payload: r.payload });
  const toSend: ToSend[] = inserted.map((row) => ({ messageId: row.id, key: row.key!, ...target(byKey.get(row.key!)!), duplicate: false }));

  const fresh = new Set(inserted.map((row) => row.key));
  const taken = rows.filter((r) => !fresh.has(r.item.idempotencyKey)).map((r) => r.item.idempotencyKey);
  // Keys already used: a finished message is reported as is (duplicate); a queued one is in flight
  // elsewhere, unless its lease ran out (a crash), in which case it is claimed here and sent.
  const { claimed, taken: done } = await claimUsedKeys(db, taken, now);
  for (const row of done) outcomes.set(row.idempotencyKey!, { kind: "result", result: resultOf(row, true) });
  toSend.push(...claimed.map((c) => ({ messageId: c.id, key: c.idempotencyKey!, ...target(byKey.get(c.idempotencyKey!)!), duplicate: true })));

  const recorder = outcomeRecorder(db, now);
  await forEachConcurrent(toSend, opts.concurrency ?? 8, async (send) => {
    recorder.add({ send, outcome: await callProvider(gateway, send.providerPhoneId, send.to, send.payload) });
  });
  const recorded = await recorder.drain();
  // A paused or disabled template leaves the lists once per company, not once per customer.
  const withdrawn = new Set<string>();
  for (const { send, outcome } of recorded.done) {
    const key = send.payload.type === "template" ? `${send.companyId}\u0000${send.payload.name}\u0000${send.payload.language}` : "";
    if (outcome.ok || !key || withdrawn.has(key)) continue;
    withdrawn.add(key);
    await withdrawRefusedTemplate(db, send.companyId, send.payload, outcome, now);
  }

  for (const { send, outcome } of recorded.done) {
    // The group's statements do not read the rows back: the result is the queued row as the outcome says.
    const queued = { id: send.messageId, status: "queued" as const, wamid: null, errorCode: null, errorTitle: null };
    outcomes.set(send.key, { kind: "result", result: resultAfterSend(queued, undefined, outcome, send.duplicate) });
  }
  for (const { send, error } of recorded.lost) outcomes.set(send.key, { kind: "error", message: `envio não registrado: ${error}` });
  return outcomes;
}

/**
 * Group commit of provider outcomes: the first outcome is written at once; those that arrive meanwhile
 * wait and go together in the next statement. At a paced 80/s every send is its own write; unpaced,
 * hundreds share one.
 */
function outcomeRecorder(db: Db, now: Date) {
  let pending: Done[] = [];
  let writing: Promise<void> | null = null;
  const done: Done[] = [];
  const lost: { send: ToSend; error: string }[] = [];

  async function writeAll() {
    while (pending.length) {
      const group = pending;
      pending = [];
      try {
        await recordOutcomes(db, group, now);
        done.push(...group);
      } catch (error) {
        // The provider accepted (or refused) these but the rows still say queued: reported, and the lease
        // keeps a rerun from sending them again for QUEUED_LEASE_MS.
        for (const d of group) lost.push({ send: d.send, error: errorText(error) });
      }
    }
    writing = null;
  }

  return {
    add(d: Done) {
      pending.push(d);
      writing ??= writeAll();
    },
    async drain() {
      while (writing) await writing;
      return { done, lost };
    },
  };
}

async function recordOutcomes(db: Db, group: Done[], now: Date) {
  const at = now.toISOString();
  const sent = group.flatMap(({ send, outcome }) => (outcome.ok ? [{ id: send.messageId, wamid: outcome.wamid }] : []));
  const failed = group.flatMap(({ send, outcome }) => (outcome.ok ? [] : [{ id: send.messageId, code: outcome.code, title: outcome.title }]));
  if (sent.length) {
    await db.execute(sql`
      with moved as (
        update messages m set status = 'sent', wamid = v.wamid, status_at = ${at}::timestamptz
        from unnest(${sql.param(sent.map((s) => s.id))}::uuid[], ${sql.param(sent.map((s) => s.wamid))}::text[]) as v(id, wamid)
        where m.id = v.id and m.status = 'queued'
        returning m.id, m.conversation_id
      ), ${messageEvents("message.status", sql`moved`)}
      select count(*) from announced`);
  }
  if (failed.length) {
    await db.execute(sql`
      with moved as (
        update messages m set status = 'failed', error_code = v.code, error_title = v.title, status_at = ${at}::timestamptz
        from unnest(${sql.param(failed.map((f) => f.id))}::uuid[], ${sql.param(failed.map((f) => f.code))}::int[], ${sql.param(failed.map((f) => f.title))}::text[]) as v(id, code, title)
        where m.id = v.id and m.status = 'queued'
        returning m.id, m.conversation_id
      ), ${messageEvents("message.status", sql`moved`)}
      select count(*) from announced`);
    const closedWindows = group.filter(({ outcome }) => !outcome.ok && outcome.code === WINDOW_CLOSED_CODE).map(({ send }) => send.messageId);
    if (closedWindows.length) {
      await db
        .update(conversations)
        .set({ windowClosedMarkedAt: now })
        .where(inArray(conversations.id, db.select({ id: messages.conversationId }).from(messages).where(anyUuid(messages.id, closedWindows))));
    }
  }
}

/**
 * The events of the messages a statement's CTE `rows` (id, conversation_id) wrote, one per message, to the
 * conversation's company (see eventCtes). `message.created` carries no ticket: the jobs' sends have none.
 */
function messageEvents(type: "message.created" | "message.status", rows: SQL) {
  const payload =
    type === "message.created"
      ? sql`jsonb_build_object('messageId', w.id, 'conversationId', w.conversation_id, 'ticketId', null)`
      : sql`jsonb_build_object('messageId', w.id, 'conversationId', w.conversation_id)`;
  return eventCtes(sql`
    select ${type}::text, c.company_id, null::uuid, null::uuid, ${payload}
    from ${rows} w join conversations c on c.id = w.conversation_id`);
}

/** Runs `work` over `items` with at most `concurrency` in flight (order of completion not kept). */
async function forEachConcurrent<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
