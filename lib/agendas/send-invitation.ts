import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas, programs } from "@/db/schema/agendas";
import { assets, contacts, customers } from "@/db/schema/customers";
import { messageTemplates, senderNumbers } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/actions/result";
import { findOrCreateConversation } from "@/lib/tickets/start-conversation";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/send-message";
import { fillTemplate } from "@/lib/whatsapp/template-text";
import { isWindowOpen } from "@/lib/whatsapp/window";
import { loadWorkableAgenda } from "./record-outcome";

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
  const [customer] = await db
    .select({ name: customers.name, optOut: customers.whatsappOptOut })
    .from(customers)
    .where(eq(customers.id, agenda.customerId));
  if (customer.optOut) throw new UserError("customer_opted_out");
  const [contact] = await db
    .select({ whatsapp: contacts.whatsapp, mobile: contacts.mobile })
    .from(contacts)
    .where(and(eq(contacts.customerId, agenda.customerId), eq(contacts.mobileInvalid, false), isNotNull(contacts.mobile)))
    .orderBy(asc(contacts.createdAt))
    .limit(1);
  const phone = contact?.whatsapp ?? contact?.mobile;
  if (!phone) throw new UserError("no_mobile");
  const [sender] = await db
    .select({ id: senderNumbers.id, companyId: senderNumbers.companyId })
    .from(senderNumbers)
    .where(and(eq(senderNumbers.companyId, agenda.companyId), eq(senderNumbers.active, true)))
    .limit(1);
  if (!sender) throw new UserError("no_sender_number");

  const conversation = await findOrCreateConversation(db, sender, phone);
  const firstName = customer.name.split(" ")[0];
  const key = `invite-manual:${agenda.id}:${input.requestId}`;
  let result;
  if (isWindowOpen(conversation.lastInboundAt, ctx.now)) {
    result = await sendMessage(
      db,
      ctx.gateway,
      {
        conversationId: conversation.id,
        author: "agent",
        authorUserId: ctx.userId,
        idempotencyKey: key,
        payload: { type: "buttons", body: `Olá ${firstName}! Quer agendar o seu atendimento pelo WhatsApp?`, buttons: INVITATION_BUTTONS },
      },
      ctx.now,
    );
  } else {
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
    result = await sendMessage(
      db,
      ctx.gateway,
      {
        conversationId: conversation.id,
        author: "agent",
        authorUserId: ctx.userId,
        idempotencyKey: key,
        payload: { type: "template", name: template.name, language: template.language, params, renderedBody: fillTemplate(template.body, params), buttons: template.buttons },
      },
      ctx.now,
    );
  }

  const sent = result.status !== "failed";
  await db
    .update(agendas)
    .set(
      sent
        ? { whatsappState: "enviado", whatsappReason: null, whatsappAt: ctx.now, updatedAt: ctx.now }
        : { whatsappState: "falhou", whatsappReason: `${result.errorCode ?? ""} · ${result.errorTitle ?? ""}`, whatsappAt: ctx.now, updatedAt: ctx.now },
    )
    .where(eq(agendas.id, agenda.id));
  await db.insert(agendaHistory).values({
    agendaId: agenda.id,
    at: ctx.now,
    userId: ctx.userId,
    kind: "whatsapp",
    fromStatus: agenda.status,
    toStatus: agenda.status,
    reason: sent ? "convite_enviado_manual" : "convite_falhou",
  });
  return { sent, errorCode: result.errorCode ?? null };
}
