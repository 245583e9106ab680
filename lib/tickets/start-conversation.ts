import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers } from "@/db/schema/customers";
import { companies, users } from "@/db/schema/org";
import { conversations, messageTemplates, senderNumbers } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import { normalizePhone } from "@/lib/customers/phone";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { findOrCreateConversation } from "@/lib/whatsapp/conversations";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import { firstName } from "@/lib/whatsapp/reachability";
import { fillTemplate, templateVariables } from "@/lib/whatsapp/template-text";
import { isWindowOpen } from "@/lib/whatsapp/window";
import { openTicket } from "./open-ticket";
import { recordFirstReply, transitionTicket } from "./state";
import type { NewConversationInput } from "./schema";

type Ctx = { userId: string; companyIds: string[]; now: Date; gateway: WhatsappGateway };

/** Values a template variable can be mapped to; "free" ones come from the agent. */
async function mappedValues(db: Db, mapping: Record<string, string>, ctx: { customerId: string | null; companyId: string; userId: string }) {
  const [customer] = ctx.customerId
    ? await db.select({ name: customers.name }).from(customers).where(eq(customers.id, ctx.customerId))
    : [];
  const [company] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, ctx.companyId));
  const [agent] = await db.select({ name: users.name }).from(users).where(eq(users.id, ctx.userId));
  const known: Record<string, string | undefined> = {
    "customer.name": customer && firstName(customer.name),
    "company.name": company?.name,
    "agent.name": agent && firstName(agent.name),
  };
  return Object.fromEntries(Object.entries(mapping).map(([n, source]) => [n, known[source] ?? ""]));
}

/**
 * Nova Conversa (seed 001). Within 24 h of the customer's last message the chat opens with its
 * history; after that an approved template is required, and it is sent as the first message.
 */
export async function startConversation(db: Db, input: NewConversationInput, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const customerPhone = normalizePhone(`+${input.customerPhone}`);
  if (!customerPhone) throw new UserError("invalid_input", { customerPhone: ["customerPhoneFormat"] });
  const [sender] = await db
    .select({ id: senderNumbers.id, companyId: senderNumbers.companyId })
    .from(senderNumbers)
    .where(and(eq(senderNumbers.id, input.senderNumberId), inArray(senderNumbers.companyId, ctx.companyIds), eq(senderNumbers.active, true)));
  if (!sender) throw new UserError("invalid_input", { senderNumberId: ["senderRequired"] });

  const conversation = await findOrCreateConversation(db, sender, customerPhone);
  const open = isWindowOpen(conversation.lastInboundAt, ctx.now);
  if (!open && !input.templateId) {
    throw new UserError("window_closed_template_required", { templateId: ["templateRequired"] });
  }

  const ticket = await openTicket(db, { conversationId: conversation.id, agentId: ctx.userId }, ctx.now);
  if (ticket.agentId && ticket.agentId !== ctx.userId) throw new UserError("ticket_in_use");
  if (!ticket.agentId) {
    await db.transaction((tx) =>
      transitionTicket(tx, { ticketId: ticket.id, move: "take_over", now: ctx.now, actorId: ctx.userId, agentId: ctx.userId, set: { agentReadAt: ctx.now } }),
    );
  }
  if (open && !input.templateId) return { ticketId: ticket.id, windowOpen: true, sent: false };

  const [template] = await db
    .select({ name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body, variables: messageTemplates.variables, buttons: messageTemplates.buttons })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, input.templateId!), eq(messageTemplates.companyId, sender.companyId), eq(messageTemplates.status, "APPROVED")));
  if (!template) throw new UserError("invalid_input", { templateId: ["templateRequired"] });

  const auto = await mappedValues(db, template.variables, { customerId: conversation.customerId, companyId: sender.companyId, userId: ctx.userId });
  const numbers = templateVariables(template.body);
  const params = numbers.map((n, i) => input.params?.[i] || auto[n] || "");
  const missing = numbers.filter((_, i) => !params[i]);
  if (missing.length) throw new UserError("invalid_input", { params: ["templateParamsRequired"] });

  const result = await sendMessage(
    db,
    ctx.gateway,
    {
      conversationId: conversation.id,
      ticketId: ticket.id,
      author: "agent",
      authorUserId: ctx.userId,
      idempotencyKey: `new-conversation:${input.clientMessageId}`,
      payload: {
        type: "template",
        name: template.name,
        language: template.language,
        params,
        renderedBody: fillTemplate(template.body, params),
        buttons: template.buttons,
      },
    },
    ctx.now,
  );
  const sent = result.status !== "failed";
  if (sent) await recordFirstReply(db, { ticketId: ticket.id, agentId: ctx.userId, now: ctx.now });
  return { ticketId: ticket.id, windowOpen: open, sent };
}

/** The body variables of an approved template with the values the system can fill on its own. */
export async function templatePreview(db: Db, templateId: string, ctx: { companyIds: string[]; userId: string; senderNumberId: string; customerPhone: string }) {
  const [row] = await db
    .select({ companyId: messageTemplates.companyId, body: messageTemplates.body, variables: messageTemplates.variables })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, templateId), inArray(messageTemplates.companyId, ctx.companyIds)));
  if (!row) return null;
  // The sender number picks the conversation, hence the customer named: it must be of the template's company.
  const [sender] = await db
    .select({ id: senderNumbers.id })
    .from(senderNumbers)
    .where(and(eq(senderNumbers.id, ctx.senderNumberId), eq(senderNumbers.companyId, row.companyId)));
  if (!sender) return null;
  const [conversation] = await db
    .select({ customerId: conversations.customerId })
    .from(conversations)
    .where(and(eq(conversations.senderNumberId, sender.id), eq(conversations.customerPhone, ctx.customerPhone)));
  const auto = await mappedValues(db, row.variables, { customerId: conversation?.customerId ?? null, companyId: row.companyId, userId: ctx.userId });
  return templateVariables(row.body).map((n) => ({ number: n, value: auto[n] ?? "", free: (row.variables[n] ?? "free") === "free" }));
}
