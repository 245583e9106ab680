import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations } from "@/db/schema/whatsapp";
import { formatDay, formatTime, localDate } from "@/lib/dates";
import type { OutboundPayload, WhatsappGateway } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import type { InboundResult } from "@/lib/whatsapp/process-delivery";
import { normalize, type BotState, type CustomerReply, type NextState } from "./state";

export type ChatbotInbound = Pick<InboundResult, "messageId" | "conversationId" | "companyId" | "type" | "body" | "interactive"> & {
  customerId?: string | null;
};

export type Option = { id: string; title: string; description?: string };
/** A question of the bot: what it sends and the options an answer is read against. */
export type Prompt = { payload: OutboundPayload; options: Option[] };

type Conversation = { id: string; companyId: string; customerId: string | null };

/** One answer of the bot to one customer message: what the flows send and save through. */
export class Turn {
  private sent = 0;
  constructor(
    readonly db: Db,
    readonly gateway: WhatsappGateway,
    readonly inbound: ChatbotInbound & { messageId: string },
    readonly conversation: Conversation,
    readonly timeZone: string,
    readonly now: Date,
    public state: BotState,
  ) {}

  get today() {
    return localDate(this.now, this.timeZone);
  }

  /** "24/11/2026 às 10:00" in the company's time zone. */
  when(at: Date) {
    return `${formatDay(localDate(at, this.timeZone))} às ${formatTime(at, this.timeZone)}`;
  }

  /** One bot message; its key is the inbound message's id and its order in the answer, so a replay sends nothing twice. */
  async send(payload: OutboundPayload, ticketId?: string | null) {
    const n = this.sent++;
    await sendMessage(
      this.db,
      this.gateway,
      { conversationId: this.conversation.id, ticketId: ticketId ?? null, author: "bot", idempotencyKey: `bot:${this.inbound.messageId}:${n}`, payload },
      this.now,
    );
  }

  async text(body: string, ticketId?: string | null) {
    await this.send({ type: "text", body }, ticketId);
  }

  async save(next: NextState) {
    const state = {
      misses: 0,
      ...next,
      updatedAt: this.now.toISOString(),
      lastMessageId: this.inbound.messageId,
      ...(this.state.unidentified || next.unidentified ? { unidentified: true } : {}),
    } as BotState;
    this.state = state;
    await this.db.update(conversations).set({ botState: state }).where(eq(conversations.id, this.conversation.id));
  }

  async idle() {
    await this.save({ flow: "idle", step: "idle" });
  }
}

/** The option the customer tapped, or whose title they typed. */
export function choose(options: Option[], reply: CustomerReply): string | null {
  if (reply.kind === "tap" && reply.id) return options.some((o) => o.id === reply.id) ? reply.id : null;
  if (reply.kind === "text") {
    const typed = normalize(reply.text);
    if (!typed) return null;
    const found = options.find((o) => normalize(o.title) === typed);
    return found?.id ?? null;
  }
  return null;
}
