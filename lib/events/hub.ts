import type { Db, DbHandle } from "@/db/client";
import { mayReceive, type Viewer } from "./audience";
import { startEventListener, startProcessEventListener, type EventListener } from "./listener";
import { lastEventSeq, readEvents, type StoredEvent } from "./read-events";

/** `close` ends the subscriber's stream (the server is stopping). */
export type HubSubscriber = { viewer: Viewer; send: (event: StoredEvent) => void; close?: () => void };

/** A sequence seen missing is waited for this long: a transaction that holds one longer is not followed live. */
const GAP_KEPT_MS = 10 * 60_000;
const MAX_GAPS = 10_000;
const PAGE = 500;

/**
 * Fans the committed domain events out to this process's streams, each to the subscribers whose viewer
 * may hear it (mayReceive). Reads the rows by sequence when the listener's NOTIFY names one it has not
 * read, and after each re-listen (a dropped connection loses notifications, not rows).
 *
 * Commit order is not sequence order: a transaction that took seq 9 may commit after the one with 10.
 * A sequence missing from a read is kept as a gap and read when its NOTIFY comes (or dropped after
 * GAP_KEPT_MS: a rolled-back transaction leaves a gap forever).
 */
export class EventHub {
  private subscribers = new Set<HubSubscriber>();
  private gaps = new Map<number, number>();
  private reading: Promise<void> | null = null;
  private again = false;
  private unsubscribe: () => void = () => {};

  private constructor(
    private db: Db,
    private listener: EventListener,
    /** The highest sequence read. */
    public lastRead: number,
  ) {}

  static async start(db: Db, listener: EventListener): Promise<EventHub> {
    const hub = new EventHub(db, listener, await lastEventSeq(db));
    hub.unsubscribe = listener.subscribe({
      onSeq: (seq) => {
        if (seq > hub.lastRead || hub.gaps.has(seq)) void hub.read();
      },
      // After a dropped connection: what was notified meanwhile is in the table.
      onListen: () => void hub.read(),
    });
    return hub;
  }

  get connected() {
    return this.listener.connected;
  }

  get size() {
    return this.subscribers.size;
  }

  /** The users with a live stream open in this process (the desk's presence: Offline without one). */
  connectedUserIds(): string[] {
    return [...new Set([...this.subscribers].map((s) => s.viewer.userId))];
  }

  subscribe(subscriber: HubSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }

  /** Reads what is new (coalesced: a read asked for while one runs runs once after it). */
  read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.again = false;
          await this.readPage();
        } while (this.again);
      } catch (error) {
        console.error("[events] leitura dos eventos falhou", error);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  /** Ends every stream (a stopping server waits for its open responses; the browsers reconnect elsewhere). */
  closeStreams() {
    for (const s of [...this.subscribers]) s.close?.();
    this.subscribers.clear();
  }

  async stop() {
    this.unsubscribe();
    this.subscribers.clear();
    await this.reading;
  }

  private async readPage() {
    const now = Date.now();
    for (const [seq, since] of this.gaps) if (now - since > GAP_KEPT_MS) this.gaps.delete(seq);
    const rows = await readEvents(this.db, { after: this.lastRead, also: [...this.gaps.keys()], limit: PAGE });
    for (const row of rows) {
      if (row.seq > this.lastRead) {
        for (let missing = this.lastRead + 1; missing < row.seq && this.gaps.size < MAX_GAPS; missing++) this.gaps.set(missing, now);
        this.lastRead = row.seq;
      } else {
        this.gaps.delete(row.seq);
      }
      this.deliver(row);
    }
    if (rows.length === PAGE) this.again = true;
  }

  private deliver(event: StoredEvent) {
    for (const s of this.subscribers) {
      if (!mayReceive(s.viewer, event)) continue;
      try {
        s.send(event);
      } catch {
        this.subscribers.delete(s);
      }
    }
  }
}

/** A hub on a listener of its own (tests, a second instance in one process). */
export async function startEventHub(handle: Pick<DbHandle, "db" | "listen">): Promise<EventHub> {
  return EventHub.start(handle.db, await startEventListener(handle));
}

const slot = globalThis as unknown as { __atendeEventHub?: Promise<EventHub> };

/** server.ts, on SIGTERM: ends this process's streams so that its HTTP server can close. */
export async function closeProcessStreams() {
  const hub = await slot.__atendeEventHub?.catch(() => undefined);
  hub?.closeStreams();
}

/** This process's hub, on the process's listener (instrumentation.ts starts it; the first stream otherwise). */
export function processEventHub(handle: DbHandle): Promise<EventHub> {
  slot.__atendeEventHub ??= startProcessEventListener(handle)
    .then((listener) => EventHub.start(handle.db, listener))
    .catch((error: unknown) => {
      slot.__atendeEventHub = undefined;
      throw error;
    });
  return slot.__atendeEventHub;
}
