import { expect, test } from "@playwright/test";

test("a load balancer can ask whether the app is alive and ready, with no session and nothing sensitive in the answer", async ({ request }) => {
  const health = await request.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const ready = await request.get("/api/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: true, migrations: true, listener: true } });
  expect(ready.headers()["cache-control"]).toContain("no-store");
});
