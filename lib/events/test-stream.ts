import type { Db } from "@/db/client";
import type { Viewer } from "./audience";
import type { EventHub } from "./hub";
import { openEventStream, type LiveEvent } from "./stream";

export type Frame = { id?: string; event: string; data: unknown };

/** A stream read as a browser would: its frames as they come (tests). */
export function readStream(stream: ReadableStream<Uint8Array>) {
  const frames: Frame[] = [];
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let raw = "";
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: Frame = { event: "message", data: undefined };
        for (const line of block.split("\n")) {
          const [, field, value] = /^([^:]*): ?(.*)$/.exec(line) ?? [];
          if (field === "id") frame.id = value;
          else if (field === "event") frame.event = value;
          else if (field === "data") frame.data = JSON.parse(value);
        }
        if (frame.data !== undefined) frames.push(frame);
      }
    }
  })();
  return {
    frames,
    /** Everything received, comments and fields as sent. */
    raw: () => raw,
    /** The domain events received so far. */
    events: () => frames.filter((f) => f.event === "message").map((f) => f.data as LiveEvent),
    close: async () => {
      await reader.cancel();
      await done;
    },
  };
}

export async function until(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A stream of `hub` for `viewer`, being read. */
export function connect(db: Db, hub: EventHub, viewer: Viewer, lastEventId: number | null = null, heartbeatMs?: number) {
  return readStream(openEventStream({ db, hub, viewer, lastEventId, heartbeatMs }));
}
