"use client";

import type { LiveEvent } from "@/lib/events/stream";

export type LiveStatus = "connecting" | "live" | "reconnecting";
/** A domain event, or `resync`: events were missed beyond replay, so every screen reloads its data. */
export type LiveSignal = LiveEvent | { type: "resync"; seq: number; companyId: null; payload: Record<string, never> };

type Broadcast = { kind: "signal"; signal: LiveSignal } | { kind: "status"; status: LiveStatus; lastId: string | null } | { kind: "hello" };

const CHANNEL = "atende-live";
/** No event nor heartbeat (every 15 s) for this long: the connection is dead (a laptop that slept), open another. */
const SILENCE_MS = 40_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The browser's one live connection, shared by its tabs: the tab holding the Web Lock "atende-live"
 * opens the EventSource on /api/stream and passes what it hears to the others over a BroadcastChannel;
 * when it closes, the lock passes to another tab, which reconnects from the last event id it heard.
 * HTTP/1.1 allows six connections per host, so a stream per tab would block the app from the seventh.
 * Without Web Locks (old browsers) every tab streams on its own.
 */
class LiveConnection {
  status: LiveStatus = "connecting";
  private lastId: string | null = null;
  private signalListeners = new Set<(s: LiveSignal) => void>();
  private statusListeners = new Set<(s: LiveStatus) => void>();
  private channel: BroadcastChannel | null = null;
  private leader = false;
  private source: EventSource | null = null;
  private silence: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private started = false;

  start() {
    if (this.started || typeof window === "undefined") return;
    this.started = true;
    if (typeof BroadcastChannel !== "undefined") {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e: MessageEvent<Broadcast>) => this.onBroadcast(e.data);
    }
    if (navigator.locks && this.channel) {
      void navigator.locks.request(CHANNEL, () => {
        this.leader = true;
        this.open();
        // Held until the tab goes away.
        return new Promise<never>(() => {});
      });
      this.channel.postMessage({ kind: "hello" } satisfies Broadcast);
    } else {
      this.leader = true;
      this.open();
    }
    window.addEventListener("online", () => this.leader && this.status !== "live" && this.reconnect(0));
  }

  onSignal(listener: (s: LiveSignal) => void) {
    this.start();
    this.signalListeners.add(listener);
    return () => void this.signalListeners.delete(listener);
  }

  onStatus(listener: (s: LiveStatus) => void) {
    this.start();
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  private onBroadcast(message: Broadcast) {
    if (message.kind === "hello") {
      if (this.leader) this.post({ kind: "status", status: this.status, lastId: this.lastId });
    } else if (message.kind === "status") {
      if (!this.leader) {
        this.lastId = message.lastId ?? this.lastId;
        this.setStatus(message.status);
      }
    } else if (!this.leader) {
      if (message.signal.seq) this.lastId = String(message.signal.seq);
      this.dispatch(message.signal);
    }
  }

  private post(message: Broadcast) {
    this.channel?.postMessage(message);
  }

  private setStatus(status: LiveStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.statusListeners) l(status);
    if (this.leader) this.post({ kind: "status", status, lastId: this.lastId });
  }

  private dispatch(signal: LiveSignal) {
    for (const l of this.signalListeners) l(signal);
  }

  private fromLeader(signal: LiveSignal) {
    this.dispatch(signal);
    this.post({ kind: "signal", signal });
  }

  private open() {
    this.source?.close();
    // A new EventSource sends no Last-Event-ID header: the id it resumes from goes in the query.
    const url = this.lastId ? `/api/stream?lastEventId=${encodeURIComponent(this.lastId)}` : "/api/stream";
    const source = new EventSource(url);
    this.source = source;
    const heard = (e: MessageEvent) => {
      if (e.lastEventId) this.lastId = e.lastEventId;
      this.failures = 0;
      this.watch();
    };
    source.onmessage = (e: MessageEvent<string>) => {
      heard(e);
      this.fromLeader(JSON.parse(e.data) as LiveEvent);
    };
    source.addEventListener("ready", (e) => {
      heard(e);
      this.setStatus("live");
    });
    source.addEventListener("resync", (e) => {
      heard(e);
      this.setStatus("live");
      this.fromLeader({ type: "resync", seq: 0, companyId: null, payload: {} });
    });
    source.addEventListener("ping", heard);
    source.onerror = () => {
      if (this.source !== source) return;
      this.setStatus(this.status === "connecting" ? "connecting" : "reconnecting");
      // CONNECTING: the browser retries by itself (after `retry:`, with Last-Event-ID). CLOSED: it gave up
      // (an answer that was not a stream: a server restarting, a session that ended), so we retry.
      if (source.readyState === EventSource.CLOSED) this.reconnect(Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** this.failures++));
    };
    this.watch();
  }

  private watch() {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => {
      this.setStatus("reconnecting");
      this.reconnect(0);
    }, SILENCE_MS);
  }

  private reconnect(delay: number) {
    clearTimeout(this.retry);
    this.source?.close();
    this.source = null;
    this.retry = setTimeout(() => this.open(), delay);
  }
}

let connection: LiveConnection | undefined;

/** The tab's side of the browser's one live connection. */
export function liveConnection(): LiveConnection {
  connection ??= new LiveConnection();
  return connection;
}
