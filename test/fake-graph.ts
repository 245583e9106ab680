import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local fake Graph API for tests: records every request and answers with what the test queued. */
export type GraphRequest = { method: string; url: string; body: string; at: number };
export type GraphReply = { status: number; body: unknown };

export async function startFakeGraph() {
  const requests: GraphRequest[] = [];
  const replies: GraphReply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const reply = replies.shift() ?? {
        status: 200,
        body: { messaging_product: "whatsapp", messages: [{ id: `wamid.graph.${requests.length}.${Date.now()}` }] },
      };
      res.writeHead(reply.status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    replies,
    /** The JSON bodies of POST …/messages, in order. */
    sent: () => requests.filter((r) => r.method === "POST" && r.url.endsWith("/messages")).map((r) => JSON.parse(r.body) as Record<string, unknown>),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
