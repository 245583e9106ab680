import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { companies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import type { SimulatedReply, SimulatorReplyInput } from "./simulator-schema";
import { signWebhookBody } from "./webhook-signature";

/**
 * The customer-phone simulator of the sandbox provider (§9): it shows a conversation as the customer's
 * phone would, and answers as the customer through the REAL webhook — a Cloud API delivery, signed with
 * the app secret, POSTed to /api/whatsapp/webhook — so the whole inbound path is the production one.
 */

/** The name a simulated customer has on WhatsApp when nothing better is known. */
export const DEFAULT_SIMULATOR_NAME = "Cliente (simulador)";

export function newSimulatorWamid() {
  return `wamid.sim.${randomUUID()}`;
}

export type SimulatedDeliveryInput = {
  sender: { phone: string; providerPhoneId: string };
  /** E.164 digits; sent as the customer's wa_id and `from`. */
  customerPhone: string;
  contactName: string;
  reply: SimulatedReply;
  wamid: string;
  at: Date;
  /** The message answered (Cloud API `context.id`): interactive and quick-reply taps always carry it. */
  contextWamid?: string | null;
  /** The entry id (the WhatsApp Business Account id); any value in the sandbox. */
  businessAccountId?: string;
};

function messageOf(input: SimulatedDeliveryInput): Record<string, unknown> {
  const base: Record<string, unknown> = {
    from: input.customerPhone,
    id: input.wamid,
    timestamp: String(Math.floor(input.at.getTime() / 1000)),
  };
  if (input.contextWamid) base.context = { from: input.sender.phone, id: input.contextWamid };
  const { reply } = input;
  switch (reply.type) {
    case "text":
      return { ...base, type: "text", text: { body: reply.body } };
    case "button_reply":
      return { ...base, type: "interactive", interactive: { type: "button_reply", button_reply: { id: reply.id, title: reply.title } } };
    case "list_reply":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "list_reply",
          list_reply: { id: reply.id, title: reply.title, ...(reply.description ? { description: reply.description } : {}) },
        },
      };
    case "template_button":
      return { ...base, type: "button", button: { payload: reply.payload, text: reply.text } };
  }
}

/**
 * Pure: the Cloud API delivery of one customer message, as Meta would POST it, with its raw body and
 * the X-Hub-Signature-256 of that body. Send `body` byte for byte: the signature covers exactly it.
 */
export function buildSimulatedDelivery(input: SimulatedDeliveryInput, appSecret: string) {
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: input.businessAccountId ?? "sandbox-waba",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: input.sender.phone, phone_number_id: input.sender.providerPhoneId },
              contacts: [{ profile: { name: input.contactName }, wa_id: input.customerPhone }],
              messages: [messageOf(input)],
            },
          },
        ],
      },
    ],
  };
  const body = JSON.stringify(payload);
  return { wamid: input.wamid, payload, body, signature: signWebhookBody(body, appSecret) };
}

// ---------------------------------------------------------------------------------------------------
// Queries

/** The sender numbers of the user's companies, for the simulator's "company number" select. */
export function listSimulatorSenders(db: Db, companyIds: string[]) {
  if (!companyIds.length) return Promise.resolve([]);
  return db
    .select({
      id: senderNumbers.id,
      companyId: senderNumbers.companyId,
      displayName: senderNumbers.displayName,
      phone: senderNumbers.phone,
      providerPhoneId: senderNumbers.providerPhoneId,
      active: senderNumbers.active,
    })
    .from(senderNumbers)
    .where(inArray(senderNumbers.companyId, companyIds))
    .orderBy(desc(senderNumbers.active), asc(senderNumbers.displayName));
}

/** The conversations of the user's companies with the latest activity first: the "recent numbers" select. */
export function recentCustomerNumbers(db: Db, companyIds: string[], limit = 30) {
  if (!companyIds.length) return Promise.resolve([]);
  const lastActivity = sql`coalesce((select max(m.created_at) from messages m where m.conversation_id = ${conversations.id}), ${conversations.createdAt})`;
  return db
    .select({
      senderNumberId: conversations.senderNumberId,
      senderName: senderNumbers.displayName,
      customerPhone: conversations.customerPhone,
      contactName: conversations.contactName,
    })
    .from(conversations)
    .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
    .where(inArray(conversations.companyId, companyIds))
    .orderBy(desc(lastActivity))
    .limit(limit);
}

export type SimulatorMessage = {
  id: string;
  direction: "in" | "out";
  author: "customer" | "agent" | "bot" | "system";
  type: string;
  body: string | null;
  templateName: string | null;
  interactive: Record<string, unknown> | null;
  media: Record<string, unknown> | null;
  wamid: string | null;
  status: (typeof messages.$inferSelect)["status"];
  errorCode: number | null;
  errorTitle: string | null;
  createdAt: Date;
};

/**
 * The conversation between a sender number of the user's companies and a customer number, with its
 * latest messages in order (oldest first). The sender is null when it is not one of the user's; the
 * conversation is null while the two have never talked.
 */
export async function simulatorConversation(db: Db, companyIds: string[], senderNumberId: string, customerPhone: string, limit = 200) {
  if (!companyIds.length) return { sender: null, conversation: null, messages: [] as SimulatorMessage[] };
  const [sender] = await db
    .select({
      id: senderNumbers.id,
      companyId: senderNumbers.companyId,
      displayName: senderNumbers.displayName,
      phone: senderNumbers.phone,
      providerPhoneId: senderNumbers.providerPhoneId,
      timeZone: companies.timeZone,
    })
    .from(senderNumbers)
    .innerJoin(companies, eq(companies.id, senderNumbers.companyId))
    .where(and(eq(senderNumbers.id, senderNumberId), inArray(senderNumbers.companyId, companyIds)));
  if (!sender) return { sender: null, conversation: null, messages: [] as SimulatorMessage[] };
  const [conversation] = await db
    .select({ id: conversations.id, contactName: conversations.contactName, lastInboundAt: conversations.lastInboundAt })
    .from(conversations)
    .where(and(eq(conversations.senderNumberId, sender.id), eq(conversations.customerPhone, customerPhone), inArray(conversations.companyId, companyIds)));
  if (!conversation) return { sender, conversation: null, messages: [] as SimulatorMessage[] };
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      author: messages.author,
      type: messages.type,
      body: messages.body,
      templateName: messages.templateName,
      interactive: messages.interactive,
      media: messages.media,
      wamid: messages.wamid,
      status: messages.status,
      errorCode: messages.errorCode,
      errorTitle: messages.errorTitle,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return {
    sender,
    conversation,
    messages: rows.reverse().map((m) => ({
      ...m,
      interactive: (m.interactive ?? null) as Record<string, unknown> | null,
      media: (m.media ?? null) as Record<string, unknown> | null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Command

export type SimulatorContext = {
  companyIds: string[];
  now: Date;
  appSecret: string;
  /** Absolute URL of this app's webhook, e.g. http://127.0.0.1:3000/api/whatsapp/webhook */
  webhookUrl: string;
  fetch?: typeof fetch;
  wamid?: string;
};

/**
 * Answers as the customer: builds the signed delivery for a sender number of the user's companies and
 * POSTs it to the app's own webhook. The webhook stores it (idempotently by wamid) like any other.
 * User errors: not_found (sender outside the scope), simulator_webhook_failed (the webhook refused it).
 */
export async function sendSimulatedReply(db: Db, input: SimulatorReplyInput, ctx: SimulatorContext) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [sender] = await db
    .select({ id: senderNumbers.id, phone: senderNumbers.phone, providerPhoneId: senderNumbers.providerPhoneId })
    .from(senderNumbers)
    .where(and(eq(senderNumbers.id, input.senderNumberId), inArray(senderNumbers.companyId, ctx.companyIds)));
  if (!sender) throw new UserError("not_found");

  let contactName = input.contactName;
  if (!contactName) {
    const [conversation] = await db
      .select({ contactName: conversations.contactName })
      .from(conversations)
      .where(and(eq(conversations.senderNumberId, sender.id), eq(conversations.customerPhone, input.customerPhone)));
    contactName = conversation?.contactName ?? DEFAULT_SIMULATOR_NAME;
  }

  const delivery = buildSimulatedDelivery(
    {
      sender,
      customerPhone: input.customerPhone,
      contactName,
      reply: input.reply,
      wamid: ctx.wamid ?? newSimulatorWamid(),
      at: ctx.now,
      contextWamid: input.contextWamid,
    },
    ctx.appSecret,
  );

  let response: Response;
  try {
    response = await (ctx.fetch ?? fetch)(ctx.webhookUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": delivery.signature },
      body: delivery.body,
      cache: "no-store",
    });
  } catch (error) {
    console.error("[simulator] webhook unreachable", ctx.webhookUrl, error);
    throw new UserError("simulator_webhook_failed");
  }
  if (!response.ok) {
    console.error("[simulator] webhook answered", response.status, await response.text().catch(() => ""));
    throw new UserError("simulator_webhook_failed");
  }
  return { wamid: delivery.wamid };
}
