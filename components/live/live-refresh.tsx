"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { EventType } from "@/lib/events/types";
import { useLiveEvents } from "./use-live-events";

/** Bursts are coalesced: at most one refresh a second per screen (DESIGN: live screens). */
const MIN_GAP_MS = 1_000;

/**
 * Re-renders the page's server data when a live event of `types` arrives (and, when `conversationIds`
 * is given, the message events of those conversations only), at most once a second. No polling: the
 * page is refetched only when something it shows changed.
 */
export function LiveRefresh({ types, conversationIds }: { types: EventType[]; conversationIds?: string[] }) {
  const router = useRouter();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveEvents(
    (e) => {
      if (!(types as string[]).includes(e.type)) return false;
      if (conversationIds && e.type.startsWith("message.")) return conversationIds.includes(String(e.payload.conversationId));
      return true;
    },
    () => {
      if (timer.current) return;
      const wait = Math.max(0, last.current + MIN_GAP_MS - Date.now());
      timer.current = setTimeout(() => {
        timer.current = undefined;
        last.current = Date.now();
        router.refresh();
      }, wait);
    },
  );
  return null;
}
