"use client";

import { useEffect } from "react";
import { markChatRead } from "@/app/(app)/conversas/actions";

/** Marks the chat read on WhatsApp when it opens and when a newer customer message shows up in it. */
export function MarkReadOnOpen({ ticketId, lastInboundId }: { ticketId: string; lastInboundId?: string }) {
  useEffect(() => {
    if (!lastInboundId) return;
    // Fire and forget: the ticks are a courtesy, and the action logs its own failures.
    void markChatRead({ ticketId });
  }, [ticketId, lastInboundId]);
  return null;
}
