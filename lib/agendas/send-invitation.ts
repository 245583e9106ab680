import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, programs } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { messageTemplates } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import { findOrCreateConversation } from "@/lib/whatsapp/conversations";
import type { OutboundPayload, WhatsappGateway } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import { firstSender, reachability } from "@/lib/whatsapp/reachability";
import { fillTemplate } from "@/lib/whatsapp/template-text";
import { isWindowOpen } from "@/lib/whatsapp/window";
import { loadWorkableAgenda } from "./record-outcome";
import { recordAgendaEntries } from "./status";

export const INVITATION_BUTTONS = [
  { id: "invite:agendar", title: "Quero agendar" },
  // Reply-button titles are limited to 20 characters (the template button says "Prefiro que me liguem").
  { id: "invite:ligar", title: "Prefiro que liguem" },
  { id: "invite:recusar", title: "Não tenho interesse" },
];
const DEFAULT_INVITATION_TEMPLATE = "convite_revisao";

type Ctx = { userId: string; companyIds: string[]; canViewAllAgents: boolean; now: Date; gateway: WhatsappGateway };

/**
 * SPEC §3.3: the agent sends the chatbot invitation by hand (manual agendas, or a re-send). Within the
 * 24-hour window it goes as interactive buttons; outside it, as the approved invitation template.
 * Each click is its own send (`requestId`), so a double click does not send twice.
 */
export async function sendInvitationByHand(db: Db, input: { agendaId: string; requestId: string }, ctx: Ctx) {
  const agenda = await loadWorkableAgenda(db, input.agendaId, ctx);
  const person = (await reachability(db, [agenda.customerId])).get(agenda.customerId);
  if (!person || person.optOut) throw new UserError("customer_opted_out");
  if (!person.phone) throw new UserError("no_mobile");
  const sender = await firstSender(db, agenda.companyId);
  if (!sender) throw new UserError("no_sender_number");

  const conversation = await findOrCreateConversation(db, sender, person.phone);
  const payload: OutboundPayload = isWindowOpen(conversation.lastInboundAt, ctx.now)
    ? { type: "buttons", body: `Olá ${person.firstName}! Quer agendar o seu atendimento pelo WhatsApp?`, buttons: INVITATION_BUTTONS }
    : await invitationTemplate(db, agenda, person.firstName);
  const result = await sendMessage(
    db,
    ctx.gateway,
    { conversationId: conversation.id, author: "agent", authorUserId: ctx.userId, idempotencyKey: `invite-manual:${agenda.id}:${input.requestId}`, payload },
    ctx.now,
  );

  const sent = result.status !== "failed";
  const entry = { kind: "whatsapp" as const, reason: sent ? ("convite_enviado_manual" as const) : ("convite_falhou" as const), actorId: ctx.userId, now: ctx.now, note: sent ? null : failure(result) };
  const set = sent
    ? { whatsappState: "enviado" as const, whatsappReason: null, whatsappAt: ctx.now }
    : { whatsappState: "falhou" as const, whatsappReason: failure(result), whatsappAt: ctx.now };
  await db.transaction((tx) => recordAgendaEntries(tx, [agenda.id], entry, { set }));
  return { sent, errorCode: result.errorCode ?? null };
}

const failure = (result: { errorCode?: number | string | null; errorTitle?: string | null }) => `${result.errorCode ?? ""} · ${result.errorTitle ?? ""}`;

/** The approved invitation template of the agenda's program (convite_revisao without one), filled for the customer. */
async function invitationTemplate(db: Db, agenda: { id: string; companyId: string; customerId: string }, firstName: string): Promise<OutboundPayload> {
  const [program] = await db
    .select({ template: programs.invitationTemplate })
    .from(agendas)
    .innerJoin(programs, eq(programs.id, agendas.programId))
    .where(eq(agendas.id, agenda.id));
  const [template] = await db
    .select({ name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body, buttons: messageTemplates.buttons })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.companyId, agenda.companyId),
        eq(messageTemplates.name, program?.template ?? DEFAULT_INVITATION_TEMPLATE),
        eq(messageTemplates.status, "APPROVED"),
      ),
    );
  if (!template) throw new UserError("no_invitation_template");
  const [asset] = await db
    .select({ model: assets.model, planName: assets.planName })
    .from(assets)
    .where(eq(assets.customerId, agenda.customerId))
    .orderBy(desc(assets.createdAt))
    .limit(1);
  const params = [firstName, asset?.model ?? asset?.planName ?? "atendimento"];
  return { type: "template", name: template.name, language: template.language, params, renderedBody: fillTemplate(template.body, params), buttons: template.buttons };
}
