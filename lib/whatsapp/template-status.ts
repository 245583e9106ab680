import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageTemplates } from "@/db/schema/whatsapp";
import { TEMPLATE_DISABLED_CODE, TEMPLATE_PAUSED_CODE } from "./errors";
import type { OutboundPayload, SendResult } from "./gateway";

type TemplateStatus = (typeof messageTemplates.$inferSelect)["status"];

/** A `message_template_status_update` webhook item: Meta's event for one template in one language. */
export type TemplateStatusUpdate = { name: string; language: string; event: string; reason: string | null };

/**
 * Meta's template events to the statuses the app offers by. Paused, disabled, rejected (and the
 * like) are not sendable: REJECTED, so every list (they offer only APPROVED) drops them at once. A
 * FLAGGED template is still sendable and unknown events change nothing.
 */
export function statusOfTemplateEvent(event: string): TemplateStatus | null {
  switch (event.toUpperCase()) {
    case "APPROVED":
    case "REINSTATED":
      return "APPROVED";
    case "PENDING":
    case "IN_APPEAL":
      return "PENDING";
    case "PAUSED":
    case "DISABLED":
    case "REJECTED":
    case "PENDING_DELETION":
    case "DELETED":
    case "LIMIT_EXCEEDED":
      return "REJECTED";
    default:
      return null;
  }
}

/**
 * Applies template status events. The app's templates all come from the one business account the
 * provider is configured with, so an event applies to the template of every company that has it.
 */
export async function applyTemplateStatusUpdates(db: Db, updates: TemplateStatusUpdate[], now: Date): Promise<number> {
  let changed = 0;
  for (const u of updates) {
    const status = statusOfTemplateEvent(u.event);
    if (!status) continue;
    const rows = await db
      .update(messageTemplates)
      .set({ status, updatedAt: now })
      .where(and(eq(messageTemplates.name, u.name), eq(messageTemplates.language, u.language)))
      .returning({ id: messageTemplates.id });
    changed += rows.length;
  }
  return changed;
}

/** A send refused because the template is paused (132015) or disabled (132016): no list offers it again. */
export async function withdrawRefusedTemplate(db: Db, companyId: string, payload: OutboundPayload, outcome: SendResult, now: Date) {
  if (outcome.ok || payload.type !== "template") return;
  if (outcome.code !== TEMPLATE_PAUSED_CODE && outcome.code !== TEMPLATE_DISABLED_CODE) return;
  await db
    .update(messageTemplates)
    .set({ status: "REJECTED", updatedAt: now })
    .where(and(eq(messageTemplates.companyId, companyId), eq(messageTemplates.name, payload.name), eq(messageTemplates.language, payload.language)));
}
