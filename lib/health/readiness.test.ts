import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { checkReadiness } from "./readiness";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

/** A TCP proxy to the test database's server that can be cut and restored, as a network drop would. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => {});
          s.on("close", () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  await open();
  const url = new URL(target);
  url.port = String(port);
  return { url: url.toString(), cut, restore: open };
}

describe("readiness", () => {
  it("is not ready before the migrations are applied", async () => {
    const bare = openPglite();
    try {
      expect(await checkReadiness(bare.db, true)).toEqual({ ready: false, checks: { database: true, migrations: false, listener: true } });
    } finally {
      await bare.close();
    }
  });

  it("is ready on a migrated database with the event listener connected, and not without the listener", async () => {
    expect(await checkReadiness(t.db, true)).toEqual({ ready: true, checks: { database: true, migrations: true, listener: true } });
    expect(await checkReadiness(t.db, false)).toEqual({ ready: false, checks: { database: true, migrations: true, listener: false } });
  });

  it("answers not ready while the database is unreachable and ready once it is back", async () => {
    // The embedded database lives in this process and cannot drop; the server's can (run with TEST_DATABASE_URL).
    if (!t.url) return;
    const proxy = await cuttableProxy(new URL(t.url));
    const handle = openPostgres(proxy.url, 2);
    try {
      expect((await checkReadiness(handle.db, true)).ready).toBe(true);
      await proxy.cut();
      expect(await checkReadiness(handle.db, true, 1_000)).toMatchObject({ ready: false, checks: { database: false } });
      await proxy.restore();
      let back = await checkReadiness(handle.db, true, 1_000);
      for (let i = 0; i < 20 && !back.ready; i++) back = await checkReadiness(handle.db, true, 1_000);
      expect(back.ready).toBe(true);
    } finally {
      await proxy.cut();
      await handle.close();
    }
  });
});
