import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/db/seed";
import { loadUserAccess } from "@/lib/auth/load-user-access";
import type { CurrentUser } from "@/lib/auth/session";
import { emit } from "@/lib/events/emit";
import { readStream, until } from "@/lib/events/test-stream";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded } from "@/test/fixtures";

// The stream route as the browser calls it, on a real database; the session is mocked.
const state = vi.hoisted(() => ({ t: null as TestDb | null, user: null as CurrentUser | null }));
vi.mock("@/db/index", () => ({
  getDb: () => state.t!.db,
  getDbHandle: () => ({ db: state.t!.db, listen: state.t!.listen, kind: "pglite", close: async () => {} }),
}));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { GET } = await import("./route");

let companyId: string;
beforeAll(async () => {
  state.t = await createTestDb();
  await seed(state.t.db, { now: new Date(), customers: 4 });
  const s = await seeded(state.t.db);
  companyId = s.sp;
  const access = (await loadUserAccess(state.t.db, await s.userId("agente@atende.dev")))!;
  state.user = { ...access, companyId: s.sp, companyIds: access.companies.map((c) => c.id), can: (p) => access.permissions.includes(p) };
});
afterAll(() => state.t?.close());

describe("GET /api/stream", () => {
  it("answers 401 without a session", async () => {
    const user = state.user;
    state.user = null;
    const res = await GET(new Request("http://127.0.0.1:3000/api/stream"));
    state.user = user;
    expect(res.status).toBe(401);
  });

  it("streams the signed-in user's events as server-sent events", async () => {
    const res = await GET(new Request("http://127.0.0.1:3000/api/stream"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const stream = readStream(res.body!);
    await until(() => stream.frames.some((f) => f.event === "ready"));
    await state.t!.db.transaction((tx) => emit(tx, { type: "agenda.changed", audience: { companyId }, payload: { agendaId: "a1" } }));
    await until(() => stream.events().length === 1);
    expect(stream.events()[0]).toMatchObject({ type: "agenda.changed", companyId, payload: { agendaId: "a1" } });
    await stream.close();
  });
});
