import type { DbHandle } from "@/db/client";
import { EVENTS_CHANNEL } from "./types";

/**
 * This process's LISTEN on the domain events' channel (one connection per process). Each NOTIFY carries
 * the highest sequence its transaction added; the hub that fans events out to the browsers reads the
 * rows from the last sequence it saw. `connected` is what /api/ready reports.
 */
export type EventListener = {
  connected: boolean;
  /** The highest event sequence notified so far. */
  lastSeq: number;
  stop: () => Promise<void>;
};

export async function startEventListener(handle: Pick<DbHandle, "listen">, onSeq?: (seq: number) => void): Promise<EventListener> {
  const state: EventListener = { connected: false, lastSeq: 0, stop: async () => {} };
  const unlisten = await handle.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const seq = Number(payload);
      if (!Number.isFinite(seq)) return;
      // Commit order is not sequence order: a later NOTIFY may carry a lower sequence, so none is dropped.
      state.lastSeq = Math.max(state.lastSeq, seq);
      onSeq?.(seq);
    },
    () => {
      state.connected = true;
    },
  );
  state.stop = async () => {
    state.connected = false;
    await unlisten();
  };
  return state;
}

const slot = globalThis as unknown as { __atendeEventListener?: EventListener };

/** instrumentation.ts: once per process. */
export async function startProcessEventListener(handle: DbHandle) {
  slot.__atendeEventListener ??= await startEventListener(handle);
  return slot.__atendeEventListener;
}

export function processEventListener(): EventListener | undefined {
  return slot.__atendeEventListener;
}
