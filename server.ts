/**
 * The production server (`npm start`, after `npm run build`, which compiles this file to
 * .next/atende-server.mjs). Next's own app on a plain node:http server, through Next's custom-server API,
 * with one exception: POST /api/whatsapp/webhook is answered here, by the same `receiveDelivery` the
 * route uses, without Next's per-request pipeline (routing, the Node → web Request conversion, async
 * contexts), which alone caps a route at ~1,500 requests/s on two cores. Every other request, the
 * webhook's GET handshake included, goes to Next. The follow-ups of the deliveries (chatbot, ticket
 * routing) run after the answer, a few at a time (lib/whatsapp/follow-up-queue.ts).
 *
 * Options as `next start`: -p/--port (else PORT, else 3000), -H/--hostname (else HOSTNAME, else every
 * interface), --keepAliveTimeout <ms>. NODE_ENV defaults to production. WHATSAPP_FOLLOW_UP_CONCURRENCY
 * (default 4): follow-ups running at once.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { databaseReady, getDb } from "@/db/index";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { whatsappEnv } from "@/lib/env";
import { closeProcessStreams } from "@/lib/events/hub";
import { stopProcessScheduler } from "@/lib/jobs/process-scheduler";
import { FollowUpQueue } from "@/lib/whatsapp/follow-up-queue";
import { answerWebhookPost } from "@/lib/whatsapp/webhook-http";

const WEBHOOK_PATH = "/api/whatsapp/webhook";
const STREAM_PATH = "/api/stream";

type Options = { port: number; hostname?: string; keepAliveTimeout?: number };

const FLAGS: Record<string, keyof Options> = { "-p": "port", "--port": "port", "-H": "hostname", "--hostname": "hostname", "--keepAliveTimeout": "keepAliveTimeout" };

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const values = new Map<keyof Options, string>();
  for (let i = 0; i < argv.length; i++) {
    // "-p 3000", "--port 3000" or "--port=3000".
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const name = FLAGS[flag];
    const value = inline ?? argv[++i];
    if (!name || value === undefined) throw new Error(`Unknown option or missing value: ${flag} (options: -p/--port, -H/--hostname, --keepAliveTimeout)`);
    values.set(name, value);
  }
  const integer = (text: string | undefined, what: string) => {
    if (text === undefined || text === "") return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid ${what}: ${text}`);
    return n;
  };
  return {
    port: integer(values.get("port") ?? env.PORT, "port") ?? 3000,
    hostname: values.get("hostname") ?? (env.HOSTNAME || undefined),
    keepAliveTimeout: integer(values.get("keepAliveTimeout"), "keepAliveTimeout"),
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  (process.env as Record<string, string | undefined>).NODE_ENV ||= "production";
  (process.env as Record<string, string | undefined>).NEXT_RUNTIME = "nodejs";
  const { default: next } = await import("next");

  const server = http.createServer();
  if (options.keepAliveTimeout) server.keepAliveTimeout = options.keepAliveTimeout;
  const app = next({ dev: false, dir: process.cwd(), hostname: options.hostname, port: options.port, httpServer: server });
  const handle = app.getRequestHandler();
  // At most this many follow-ups at a time (the pool has 10 connections): see lib/whatsapp/follow-up-queue.ts.
  const followUps = new FollowUpQueue(Number(process.env.WHATSAPP_FOLLOW_UP_CONCURRENCY || 4));
  const webhookDeps = { db: getDb, appSecret: () => whatsappEnv().appSecret, followUps };
  await app.prepare();
  // instrumentation.ts migrates (and seeds the embedded database); Next runs it in the background and
  // holds its own requests until it is done, but the webhook fast path does not go through Next.
  await databaseReady();

  let stopping = false;
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (stopping) {
      // A browser's keep-alive connection outlives server.close(): no new stream on it (it would hold the
      // server open), and every answer closes its connection.
      res.setHeader("Connection", "close");
      if (req.url === STREAM_PATH || req.url?.startsWith(`${STREAM_PATH}?`)) {
        res.writeHead(503, { "Retry-After": "1" }).end();
        return;
      }
    }
    if (req.method === "POST" && (req.url === WEBHOOK_PATH || req.url?.startsWith(`${WEBHOOK_PATH}?`))) {
      void answerWebhookPost(req, res, webhookDeps);
      return;
    }
    // The sign-in throttle counts per client address; a client's own header of that name is replaced.
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((error: unknown) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      else res.destroy();
    });
  });
  server.on("error", (error) => {
    console.error("Failed to start server", error);
    process.exit(1);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  const { port } = server.address() as AddressInfo;
  // The simulator posts to this process's own webhook on PORT (as `next start` sets it).
  process.env.PORT = String(port);
  console.log(`> Ready on http://${options.hostname ?? "localhost"}:${port} (${process.env.NODE_ENV})`);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Stop accepting, finish the requests in flight, the follow-up backlog and the job runs, then close Next.
    // The live streams never finish by themselves: they are ended (the browsers reconnect and replay).
    server.close(() => {
      if (followUps.backlog) console.log(`[whatsapp] stopping: ${followUps.backlog} follow-up(s) to finish first`);
      void Promise.all([followUps.drain(), stopProcessScheduler()])
        .then(() => app.close())
        .catch((error: unknown) => console.error(error))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    void closeProcessStreams();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
