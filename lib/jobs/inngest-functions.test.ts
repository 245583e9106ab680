/**
 * Each Inngest function once through @inngest/test (a new engine per test): it runs its job against
 * the test database (getDb mocked) with the sandbox provider (getGateway mocked) and returns the report.
 * Lives here because vitest collects tests under lib/, db/, app/ and test/ only.
 */
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { functions } from "@/inngest/all-functions";
import { JOBS } from "./registry";
import { runsOf } from "./test-world";

const holder = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock("@/db/index", () => ({ getDb: () => holder.db }));
vi.mock("@/lib/whatsapp/provider", async () => {
  const { createSandboxProvider: sandbox } = await import("@/lib/whatsapp/sandbox-provider");
  return { getGateway: () => sandbox() };
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  holder.db = t.db;
});
afterAll(async () => t?.close());

describe("Inngest functions", () => {
  it("registers one function per job, with its cron, its run event and singleton skip", () => {
    expect(functions).toHaveLength(JOBS.length);
    for (const job of JOBS) {
      const fn = functions.find((f) => f.id() === `job-${job.key}` || f.id().endsWith(`-job-${job.key}`));
      expect(fn, job.key).toBeDefined();
      const config = fn!["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "atende" })[0];
      expect(config.triggers).toEqual([{ cron: job.cron }, { event: job.event }]);
      expect(config.singleton).toEqual({ mode: "skip" });
    }
    expect(createSandboxProvider().kind).toBe("sandbox");
  });

  for (const job of JOBS) {
    it(`${job.key}: runs its job and returns the report`, async () => {
      const fn = functions.find((f) => f.id().endsWith(`job-${job.key}`))!;
      const engine = new InngestTestEngine({ function: fn, events: [{ name: job.event, data: {} }] });
      const { result } = await engine.execute();
      expect(result).toMatchObject({ considered: expect.any(Number), sent: expect.any(Number), failed: 0, errors: [], runId: expect.any(String) });
      const runs = await runsOf(t.db, job.key);
      expect(runs.find((r) => r.id === (result as { runId: string }).runId)).toMatchObject({ status: "succeeded", trigger: "event" });
    });
  }
});
