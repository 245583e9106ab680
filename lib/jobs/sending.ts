import { and, asc, eq, sql } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema/org";
import { messageTemplates } from "@/db/schema/whatsapp";
import { formatTime } from "@/lib/dates";
import { MARKETING_OPT_OUT_CODE, UNDELIVERABLE_CODE } from "@/lib/whatsapp/errors";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import type { Template } from "@/lib/whatsapp/outbox/send-bulk";
import { firstSenders, type Reachability, type Sender } from "@/lib/whatsapp/reachability";
import type { JobDeps } from "./types";

export type CompanyHours = { id: string; timeZone: string; sendingStartsAt: string; sendingEndsAt: string };

/** The company's sending hours contain `now` (its time zone; an end before the start spans midnight). */
export function withinSendingHours(company: Omit<CompanyHours, "id">, now: Date): boolean {
  const t = formatTime(now, company.timeZone);
  const start = company.sendingStartsAt;
  const end = company.sendingEndsAt;
  if (start === end) return true;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** Active companies split by whether they may send now. */
export async function companiesBySendingHours(db: Db, now: Date) {
  const rows = await db
    .select({ id: companies.id, timeZone: companies.timeZone, sendingStartsAt: companies.sendingStartsAt, sendingEndsAt: companies.sendingEndsAt })
    .from(companies)
    .where(eq(companies.active, true));
  return {
    all: rows,
    open: rows.filter((c) => withinSendingHours(c, now)),
    closed: rows.filter((c) => !withinSendingHours(c, now)),
  };
}

/** "dd/MM HH:mm" in a time zone (the confirmation's {{2}}). */
export function formatDayTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "dd/MM HH:mm");
}

/**
 * Appointments booked outside a program (manual agendas, phone and passive bookings) still get the
 * confirmation and no-show messages, with the standard templates of the company.
 */
export const STANDARD_TEMPLATES = { confirmation: "confirmacao_agendamento", noShow: "reagendar_no_show" } as const;

/** Approved templates of a company by name (pt_BR preferred when a name has several languages). */
export function templateCache(db: Db) {
  const cache = new Map<string, Promise<Template | null>>();
  return (companyId: string, name: string | null | undefined): Promise<Template | null> => {
    if (!name) return Promise.resolve(null);
    const key = `${companyId}\u0000${name}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = db
        .select({ name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body, buttons: messageTemplates.buttons })
        .from(messageTemplates)
        .where(and(eq(messageTemplates.companyId, companyId), eq(messageTemplates.name, name), eq(messageTemplates.status, "APPROVED")))
        .orderBy(sql`${messageTemplates.language} <> 'pt_BR'`, asc(messageTemplates.language))
        .limit(1)
        .then((rows) => rows[0] ?? null);
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * What a run needs to send for the companies inside their sending hours: each company's first sender
 * number, a gateway paced to each number's rate, and the approved-template lookup.
 */
export async function sendingKit(deps: JobDeps, companyIds: string[]) {
  const senders = await firstSenders(deps.db, companyIds);
  const rates = new Map([...senders.values()].map((s) => [s.providerPhoneId, s.ratePerSecond]));
  return { senders, gateway: pacedGateway(deps, (id) => rates.get(id)), template: templateCache(deps.db) };
}

export type RecipientCheck =
  | { ok: true; person: Reachability & { phone: string }; sender: Sender; template: Template }
  | { ok: false; reason: "optout" | "celular_invalido" | "sem_numero_de_origem" | "modelo_indisponivel" };

/** Whether a customer of a company can get a template now, and what to send it with; else why not. */
export async function checkRecipient(
  lookups: { people: Map<string, Reachability>; senders: Map<string, Sender>; template: ReturnType<typeof templateCache> },
  item: { customerId: string; companyId: string; templateName: string | null },
): Promise<RecipientCheck> {
  const person = lookups.people.get(item.customerId);
  if (!person || person.optOut) return { ok: false, reason: "optout" };
  if (!person.phone) return { ok: false, reason: "celular_invalido" };
  const sender = lookups.senders.get(item.companyId);
  if (!sender) return { ok: false, reason: "sem_numero_de_origem" };
  const template = await lookups.template(item.companyId, item.templateName);
  if (!template) return { ok: false, reason: "modelo_indisponivel" };
  return { ok: true, person: { ...person, phone: person.phone }, sender, template };
}

/**
 * A gateway that keeps each sender number under its `ratePerSecond`. Provider calls of one number pass
 * a per-number gate one at a time: each waits for its slot on a drift-free schedule (start + k/rate s,
 * so the long-run rate is the limit, not less) and, as a hard cap, until fewer than `rate` calls went
 * out in the last second. Only real provider calls are paced — a duplicate key never reaches the gateway.
 * The provider calls themselves still overlap (the gate is held only while waiting).
 */
export function pacedGateway(deps: JobDeps, rateOf: (providerPhoneId: string) => number | undefined): WhatsappGateway {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = deps.monotonicNow ?? (() => performance.now());
  type Gate = { chain: Promise<void>; start: number | null; k: number; recent: number[] };
  const gates = new Map<string, Gate>();
  const inner = deps.gateway;

  async function admit(gate: Gate, rate: number) {
    const interval = 1000 / rate;
    const cap = Math.max(1, Math.floor(rate));
    let now = clock();
    if (gate.start === null || now - (gate.start + gate.k * interval) > 1000) {
      // First call, or fallen more than a second behind (slow sends): restart the schedule, no catch-up burst.
      gate.start = now;
      gate.k = 0;
    }
    const waitFor = (at: number) =>
      Math.max(gate.start! + gate.k * interval - at, gate.recent.length >= cap ? gate.recent[gate.recent.length - cap] + 1000 - at : 0);
    // Timers may fire a fraction of a millisecond early: wait again until the slot has really come.
    for (let wait = waitFor(now); wait > 0; wait = waitFor(now)) {
      await sleep(wait);
      now = clock();
    }
    gate.k++;
    gate.recent.push(now);
    if (gate.recent.length > cap) gate.recent.splice(0, gate.recent.length - cap);
  }

  return {
    kind: inner.kind,
    uploadMedia: (from, file) => inner.uploadMedia(from, file),
    listTemplates: () => inner.listTemplates(),
    async send(from, to, payload) {
      const rate = rateOf(from.providerPhoneId);
      if (rate && rate > 0 && Number.isFinite(rate)) {
        let gate = gates.get(from.providerPhoneId);
        if (!gate) {
          gate = { chain: Promise.resolve(), start: null, k: 0, recent: [] };
          gates.set(from.providerPhoneId, gate);
        }
        const turn = gate.chain.then(() => admit(gate, rate));
        gate.chain = turn.catch(() => {});
        await turn;
      }
      return inner.send(from, to, payload);
    },
  };
}

/** The provider said the number cannot get this message: shown as `falhou` with its reason. */
export function isNumberRejection(code: number | undefined): boolean {
  return code === UNDELIVERABLE_CODE || code === MARKETING_OPT_OUT_CODE;
}

/** Rows with no `<prefix><id>` message yet (a send that never happened, or was cut short before its row). */
export const notSentYet = (idColumn: unknown, prefix: string) =>
  sql`not exists (select 1 from messages m where m.idempotency_key = ${prefix} || ${idColumn}::text)`;
