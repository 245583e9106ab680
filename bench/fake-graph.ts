import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Graph API's POST /{phone-number-id}/messages, for the benchmarks: answers every
 * send with a new wamid after `latencyMs`, and counts what it received per recipient (each benchmark
 * customer has one due agenda, so a recipient stands for one idempotency key), per sender number and per
 * access token (a process of its own sends with its own token).
 */
export async function startFakeGraph(opts: { latencyMs?: number } = {}) {
  const perRecipient = new Map<string, number>();
  const perSender = new Map<string, number>();
  const perToken = new Map<string, number>();
  let received = 0;
  // wamids are unique in the database: a second fake server in one run must not repeat the first one's.
  const run = randomUUID().slice(0, 8);
  const listeners = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const phoneId = req.url?.split("/")[2] ?? "";
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { to?: string };
      const to = body.to ?? "";
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      perSender.set(phoneId, (perSender.get(phoneId) ?? 0) + 1);
      const token = req.headers.authorization ?? "";
      perToken.set(token, (perToken.get(token) ?? 0) + 1);
      received++;
      const wamid = `wamid.bench.${run}.${received}`;
      for (const listener of [...listeners]) listener();
      setTimeout(() => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid }] }));
      }, opts.latencyMs ?? 0);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    perRecipient,
    perSender,
    received: () => received,
    /** Sends received with one access token (a process of its own sends with its own token). */
    receivedWith: (accessToken: string) => perToken.get(`Bearer ${accessToken}`) ?? 0,
    /** Resolves once `n` sends have arrived (with `accessToken` only, when given). */
    whenReceived: (n: number, accessToken?: string) =>
      new Promise<void>((resolve) => {
        const count = () => (accessToken ? (perToken.get(`Bearer ${accessToken}`) ?? 0) : received);
        if (count() >= n) return resolve();
        const listener = () => {
          if (count() >= n) {
            listeners.delete(listener);
            resolve();
          }
        };
        listeners.add(listener);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The most sends inside any one-second window, less `allowanceMs` for the event loop's jitter. */
export function maxInAnySecond(stamps: number[], allowanceMs = 1) {
  let max = 0;
  for (let i = 0, j = 0; i < stamps.length; i++) {
    while (stamps[i] - stamps[j] >= 1000 - allowanceMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
