import type { Db } from "@/db/client";
import { visibleTo, type Viewer } from "./audience";
import type { EventHub } from "./hub";
import { eventKept, readEvents, type StoredEvent } from "./read-events";

export const HEARTBEAT_MS = 15_000;
/** What the browser waits before reconnecting (the SSE `retry:` field). */
export const RETRY_MS = 2_000;
/** A replay longer than this is a resync: reloading the screens costs less than thousands of events. */
export const MAX_REPLAY = 1_000;
/** Access is read again this often, so a role, company or queue change (or a deactivation) reaches an open stream. */
const VIEWER_REFRESH_MS = 60_000;

/** What the browser gets for a domain event (ids only: the screen reads what it needs). */
export type LiveEvent = { seq: number; type: string; companyId: string | null; payload: Record<string, string | null> };

const encoder = new TextEncoder();

function frame(fields: { id?: number; event?: string; data: unknown }): string {
  return `${fields.id !== undefined ? `id: ${fields.id}\n` : ""}${fields.event ? `event: ${fields.event}\n` : ""}data: ${JSON.stringify(fields.data)}\n\n`;
}

export function eventFrame(e: StoredEvent): string {
  const data: LiveEvent = { seq: e.seq, type: e.type, companyId: e.companyId, payload: e.payload };
  return frame({ id: e.seq, data });
}

/** The Last-Event-ID of a reconnect: the header EventSource sends, or `?lastEventId=` of a new EventSource. */
export function lastEventIdOf(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  if (!raw || !/^\d{1,18}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

type StreamDeps = {
  db: Db;
  hub: EventHub;
  viewer: Viewer;
  lastEventId: number | null;
  /** Reads the viewer again (null: the user may no longer stream: the stream ends). */
  reloadViewer?: () => Promise<Viewer | null>;
  heartbeatMs?: number;
};

/**
 * One browser's server-sent event stream: `retry:`, then either the events it missed since Last-Event-ID
 * that its user may see (read from the events table), a `resync` when those are gone (older than the
 * retention) or too many, or a `ready` naming the current sequence (the id a reconnect replays from);
 * then every event the hub fans out to its user, and a heartbeat every 15 s. Live events that arrive
 * during the replay are held and sent after it, without repeats.
 */
export function openEventStream(deps: StreamDeps): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      let held: StoredEvent[] | null = [];
      const replayed = new Set<number>();
      const subscriber = {
        viewer: deps.viewer,
        send(e: StoredEvent) {
          if (held) held.push(e);
          // The hub may hear an event after the replay read it from the table, or one the browser had.
          else if (!replayed.has(e.seq) && e.seq > (deps.lastEventId ?? 0)) write(eventFrame(e));
        },
        close: () => stop(),
      };
      const unsubscribe = deps.hub.subscribe(subscriber);
      const heartbeat = setInterval(() => write(`: heartbeat\nevent: ping\ndata: {}\n\n`), deps.heartbeatMs ?? HEARTBEAT_MS);
      const refresh = deps.reloadViewer
        ? setInterval(() => {
            void deps.reloadViewer!()
              .then((viewer) => {
                if (!viewer) stop();
                else subscriber.viewer = viewer;
              })
              .catch(() => {});
          }, VIEWER_REFRESH_MS)
        : undefined;
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(refresh);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };

      write(`retry: ${RETRY_MS}\n\n`);
      try {
        const from = deps.lastEventId;
        if (from === null) {
          write(frame({ id: deps.hub.lastRead, event: "ready", data: { seq: deps.hub.lastRead } }));
        } else {
          const kept = from === 0 || (await eventKept(deps.db, from));
          const missed = kept ? await readEvents(deps.db, { after: from, where: visibleTo(deps.viewer), limit: MAX_REPLAY + 1 }) : [];
          if (!kept || missed.length > MAX_REPLAY) {
            write(frame({ id: deps.hub.lastRead, event: "resync", data: { seq: deps.hub.lastRead } }));
          } else {
            for (const e of missed) {
              write(eventFrame(e));
              replayed.add(e.seq);
            }
            const last = missed.at(-1)?.seq ?? from;
            write(frame({ id: last, event: "ready", data: { seq: last, replayed: missed.length } }));
          }
        }
      } catch (error) {
        console.error("[events] replay falhou", error);
        write(frame({ event: "resync", data: {} }));
      }
      // The live events heard during the replay, but the ones it sent already.
      const pending = held ?? [];
      held = null;
      for (const e of pending) if (!replayed.has(e.seq) && e.seq > (deps.lastEventId ?? 0)) write(eventFrame(e));
    },
    cancel() {
      stop();
    },
  });
}

export const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: no compression on the way (it would hold the events back until a buffer fills).
  "Cache-Control": "no-cache, no-store, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};
