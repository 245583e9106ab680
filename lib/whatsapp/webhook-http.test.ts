import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies } from "@/db/schema/org";
import { messages, senderNumbers } from "@/db/schema/whatsapp";
import { createTestDb, type TestDb } from "@/test/db";
import { answerWebhookPost } from "./webhook-http";
import { signWebhookBody } from "./webhook-signature";

const SECRET = "webhook-http-secret";
const PATH = "/api/whatsapp/webhook";

let t: TestDb;
let server: http.Server;
let port: number;
const followUps: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestDb();
  const [company] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  await t.db.insert(senderNumbers).values({ companyId: company.id, phone: "551140001000", displayName: "Central", providerPhoneId: "PH1" });
  server = http.createServer((req, res) => {
    void answerWebhookPost(req, res, { db: () => t.db, appSecret: () => SECRET, followUps: { push: (task) => followUps.push(task) } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

type Outcome = { status?: number; body?: string; error?: string };

/**
 * A real HTTP/1.1 POST on a raw socket, as many clients send one: the whole body first, then the answer
 * is read. Chunked transfer when `declare` is false. A reset on the way is the outcome's error.
 */
function post(body: Buffer, opts: { declare?: boolean; socket?: net.Socket } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = opts.socket ?? net.connect(port, "127.0.0.1");
    socket.pause();
    const framing = opts.declare === false ? "Transfer-Encoding: chunked" : `Content-Length: ${body.length}`;
    const head = `POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Hub-Signature-256: ${signWebhookBody(body, SECRET)}\r\n${framing}\r\n\r\n`;
    const payload = opts.declare === false ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]) : body;
    let settled = false;
    const done = (outcome: Outcome) => {
      if (!settled) resolve(outcome);
      settled = true;
      socket.off("data", onData);
    };
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString();
      const [headers, rest] = received.split("\r\n\r\n", 2);
      const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? NaN);
      if (rest !== undefined && Buffer.byteLength(rest) >= length) done({ status: Number(headers.split(" ")[1]), body: rest.slice(0, length) });
    };
    socket.on("error", (e: NodeJS.ErrnoException) => done({ error: e.code ?? e.message }));
    socket.on("close", () => done({ error: `closed before the answer: ${JSON.stringify(received)}` }));
    socket.write(head);
    socket.write(payload, (error) => {
      if (error) return;
      socket.on("data", onData);
      socket.resume();
    });
  });
}

/** A signed body of about 6 MB: valid JSON, a delivery's shape, far past the limit. */
const hugeBody = () =>
  Buffer.from(JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "W", padding: "x".repeat(6 * 1024 * 1024) }] }));

const delivery = (wamid: string) =>
  Buffer.from(
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "W",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "PH1" },
                messages: [{ from: "5511987650001", id: wamid, timestamp: String(Math.floor(Date.now() / 1000) - 60), type: "text", text: { body: "Oi" } }],
              },
            },
          ],
        },
      ],
    }),
  );

describe("the production server's webhook fast path over HTTP", () => {
  it("answers 413 to a 6 MB body, every time, instead of resetting the connection", async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) outcomes.push(await post(hugeBody(), { declare: i % 2 === 0 }));
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => ({ status: 413, body: JSON.stringify({ ok: false, error: "too_large" }) })));
  });

  it("keeps the connection usable after a refused body: the next delivery on it is stored", async () => {
    const socket = net.connect(port, "127.0.0.1");
    try {
      expect(await post(hugeBody(), { socket })).toMatchObject({ status: 413 });
      const before = followUps.length;
      const wamid = "wamid.http.after-413";
      expect(await post(delivery(wamid), { socket })).toEqual({ status: 200, body: JSON.stringify({ ok: true }) });
      expect(await t.db.select().from(messages).where(eq(messages.wamid, wamid))).toHaveLength(1);
      expect(followUps).toHaveLength(before + 1);
    } finally {
      socket.destroy();
    }
  });
});
