import type { DbHandle } from "@/db/client";
import { EVENTS_CHANNEL } from "./types";

/** What a reader of the listener hears: each notified sequence, and each (re)established LISTEN. */
export type ListenerSubscriber = { onSeq?: (seq: number) => void; onListen?: () => void };

/**
 * This process's LISTEN on the domain events' channel (one connection per process). Each NOTIFY carries
 * the highest sequence its transaction added; the hub (lib/events/hub.ts) subscribes and reads the rows
 * from the last sequence it saw, again after each re-listen (postgres.js listens again on a new
 * connection after a dropped one: what was notified meanwhile is lost, the rows are not).
 * `connected` is what /api/ready reports.
 */
export type EventListener = {
  connected: boolean;
  /** The highest event sequence notified so far. */
  lastSeq: number;
  subscribe: (subscriber: ListenerSubscriber) => () => void;
  stop: () => Promise<void>;
};

export async function startEventListener(handle: Pick<DbHandle, "listen">, onSeq?: (seq: number) => void): Promise<EventListener> {
  const subscribers = new Set<ListenerSubscriber>();
  if (onSeq) subscribers.add({ onSeq });
  const state: EventListener = {
    connected: false,
    lastSeq: 0,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => void subscribers.delete(subscriber);
    },
    stop: async () => {},
  };
  const unlisten = await handle.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const seq = Number(payload);
      if (!payload || !Number.isFinite(seq)) return;
      // Commit order is not sequence order: a later NOTIFY may carry a lower sequence, so none is dropped.
      state.lastSeq = Math.max(state.lastSeq, seq);
      for (const s of subscribers) s.onSeq?.(seq);
    },
    () => {
      state.connected = true;
      for (const s of subscribers) s.onListen?.();
    },
  );
  state.stop = async () => {
    state.connected = false;
    subscribers.clear();
    await unlisten();
  };
  return state;
}

// On globalThis: Next bundles this module into several chunks (instrumentation, routes) of one process.
const slot = globalThis as unknown as { __atendeEventListener?: EventListener; __atendeEventListenerStart?: Promise<EventListener> };

/** instrumentation.ts (and the hub, if it comes first): once per process. */
export async function startProcessEventListener(handle: DbHandle): Promise<EventListener> {
  slot.__atendeEventListenerStart ??= startEventListener(handle).then(
    (listener) => (slot.__atendeEventListener = listener),
    (error: unknown) => {
      slot.__atendeEventListenerStart = undefined;
      throw error;
    },
  );
  return slot.__atendeEventListenerStart;
}

export function processEventListener(): EventListener | undefined {
  return slot.__atendeEventListener;
}
