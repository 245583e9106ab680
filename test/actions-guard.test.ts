import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";

// Every server action is a public endpoint. This test imports every actions.ts in app/, and
// proves each exported action refuses an anonymous caller, a caller without its permission,
// and (where the input names a company) a caller from another company — before any database work.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  COMPANY_COOKIE: "atende_company",
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/db/index", () => ({
  getDb: () => {
    throw new Error("the database was reached: a guard is missing");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: vi.fn(), get: vi.fn() }) }));

const COMPANY = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const ID = "33333333-3333-4333-8333-333333333333";

type Sample = { permission: Permission | null; input: Record<string, unknown>; companyField?: string };

/** The expected guard of each action, with an input that passes validation. */
const ACTIONS: Record<string, Sample> = {
  "app/(app)/actions.ts#switchCompany": { permission: null, input: { companyId: COMPANY }, companyField: "companyId" },
  "app/(app)/actions.ts#setLocale": { permission: null, input: { locale: "en" } },
  "app/(app)/agendamentos/actions.ts#saveScheduled": {
    permission: "scheduled_actions.create",
    input: { companyId: COMPANY, queueId: ID, agentId: ID, kind: "notificar", scheduledAt: "2030-01-10T10:00", phone: "11988880001" },
    companyField: "companyId",
  },
  "app/(app)/agendamentos/actions.ts#cancelScheduled": { permission: "scheduled_actions.create", input: { id: ID } },
  "app/(app)/notificacoes/actions.ts#readNotification": { permission: null, input: { id: ID } },
  "app/(app)/notificacoes/actions.ts#readAllNotifications": { permission: null, input: {} },
  "app/(app)/notificacoes/actions.ts#deleteNotification": { permission: null, input: { id: ID } },
  "app/(app)/admin/actions.ts#saveCompany": {
    permission: "settings.manage",
    input: { id: COMPANY, name: "Loja", timeZone: "America/Sao_Paulo", sendingStartsAt: "08:00", sendingEndsAt: "20:00" },
    companyField: "id",
  },
  "app/(app)/admin/actions.ts#saveUser": {
    permission: "users.manage",
    input: { name: "Ana", email: "ana@x.com", password: "12345678", roleId: ID, homeCompanyId: COMPANY, capacity: "3" },
    companyField: "homeCompanyId",
  },
  "app/(app)/admin/actions.ts#saveRole": { permission: "users.manage", input: { name: "Cargo" } },
  "app/(app)/admin/actions.ts#saveTeam": {
    permission: "users.manage",
    input: { companyId: COMPANY, name: "Time" },
    companyField: "companyId",
  },
  "app/(app)/admin/actions.ts#saveQueue": {
    permission: "settings.manage",
    input: { companyId: COMPANY, name: "Fila" },
    companyField: "companyId",
  },
  "app/(app)/clientes/actions.ts#saveCustomer": {
    permission: "customers.manage",
    input: { companyId: COMPANY, name: "Cliente" },
    companyField: "companyId",
  },
  "app/(app)/clientes/actions.ts#saveContact": {
    permission: "customers.manage",
    input: { customerId: ID, name: "Contato", email: "c@x.com" },
  },
  "app/(app)/recepcao/actions.ts#markAttendance": {
    permission: "reception.checkin",
    input: { appointmentId: ID, outcome: "compareceu" },
  },
  "app/(app)/recepcao/actions.ts#undoAttendance": { permission: "reception.checkin", input: { appointmentId: ID } },
  "app/(app)/admin/calendar/actions.ts#saveCalendar": {
    permission: "settings.manage",
    input: { companyId: COMPANY, openDays: ["1", "2"], opensAt: "08:00", closesAt: "18:00", slotMinutes: "30", capacityPerSlot: "2" },
    companyField: "companyId",
  },
  "app/(app)/admin/calendar/actions.ts#addHoliday": {
    permission: "settings.manage",
    input: { companyId: COMPANY, date: "2026-12-25", name: "Natal" },
    companyField: "companyId",
  },
  "app/(app)/admin/calendar/actions.ts#removeHoliday": { permission: "settings.manage", input: { id: ID } },
  "app/(app)/admin/telefonia/actions.ts#rotatePbxKey": { permission: "settings.manage", input: { companyId: COMPANY }, companyField: "companyId" },
  "app/(app)/admin/scripts/actions.ts#saveScript": {
    permission: "settings.manage",
    input: { companyId: COMPANY, name: "Script", definition: { start: "a", questions: [{ id: "a", text: "Pergunta?", options: [{ id: "1", label: "Fim", next: null }] }] } },
    companyField: "companyId",
  },
  "app/(app)/telefonico/actions.ts#chooseOrigin": { permission: "tickets.handle", input: { origin: "phone" } },
  "app/(app)/telefonico/actions.ts#searchNumbers": { permission: "tickets.handle", input: { phone: "1195", quantity: "10" } },
  "app/(app)/telefonico/actions.ts#applyFilter": { permission: "tickets.handle", input: { mode: "period", days: "7", quantity: "10" } },
  "app/(app)/telefonico/actions.ts#chooseCall": { permission: "tickets.handle", input: { callId: ID } },
  "app/(app)/telefonico/actions.ts#linkCustomer": { permission: "tickets.handle", input: { customerId: ID } },
  "app/(app)/telefonico/actions.ts#chooseContact": { permission: "tickets.handle", input: { contactId: ID } },
  "app/(app)/telefonico/actions.ts#choosePlan": { permission: "tickets.handle", input: { assetId: ID } },
  "app/(app)/telefonico/actions.ts#answerScript": { permission: "tickets.handle", input: { optionId: "sem" } },
  "app/(app)/telefonico/actions.ts#previousQuestion": { permission: "tickets.handle", input: {} },
  "app/(app)/telefonico/actions.ts#closeScript": { permission: "tickets.handle", input: {} },
  "app/(app)/telefonico/actions.ts#acceptReport": { permission: "tickets.handle", input: {} },
  "app/(app)/telefonico/actions.ts#stepBack": { permission: "tickets.handle", input: { step: "3" } },
  "app/(app)/telefonico/actions.ts#cancelWizard": { permission: "tickets.handle", input: {} },
  "app/(app)/telefonico/actions.ts#finishAttendance": { permission: "tickets.handle", input: { resolved: "sim", contactReasonId: ID, description: "Cliente orientado." } },
  "app/(app)/admin/programs/actions.ts#saveProgram": {
    permission: "programs.manage",
    input: {
      companyId: COMPANY,
      campaignId: ID,
      name: "Revisão",
      cycleMonths: "12",
      contactDaysBefore: "15",
      confirmDaysBefore: "2",
      noShowToleranceMinutes: "60",
      noReplyDays: "3",
    },
    companyField: "companyId",
  },
  "app/(app)/admin/programs/actions.ts#saveCampaign": {
    permission: "programs.manage",
    input: { companyId: COMPANY, name: "Campanha" },
    companyField: "companyId",
  },
};

const WORKLIST_ACTIONS: Record<string, Sample> = {
  "app/(app)/atendimento/actions.ts#recordAgendaOutcome": {
    permission: "agendas.view",
    input: { agendaId: ID, outcome: "recusou", reason: "Sem interesse" },
  },
  "app/(app)/atendimento/actions.ts#cancelAppointment": { permission: "agendas.view", input: { appointmentId: ID } },
  "app/(app)/atendimento/actions.ts#sendInvitation": { permission: "agendas.view", input: { agendaId: ID, requestId: ID } },
  "app/(app)/atendimento/actions.ts#rescheduleAppointment": {
    permission: "agendas.view",
    input: { appointmentId: ID, slot: "2026-12-01T12:00:00.000Z" },
  },
};
Object.assign(ACTIONS, WORKLIST_ACTIONS);

const SIMULATOR_ACTIONS: Record<string, Sample> = {
  "app/(app)/simulador/actions.ts#sendSimulatorReply": {
    permission: "tickets.handle",
    input: { senderNumberId: ID, customerPhone: "5511912340001", type: "text", text: "Oi" },
  },
  "app/(app)/admin/templates/actions.ts#saveTemplate": {
    permission: "templates.manage",
    input: {
      companyId: COMPANY,
      name: "lembrete",
      language: "pt_BR",
      category: "UTILITY",
      status: "PENDING",
      body: "Olá {{1}}",
      variable_1: "customer.name",
    },
    companyField: "companyId",
  },
  "app/(app)/admin/templates/actions.ts#setTemplateStatus": { permission: "templates.manage", input: { id: ID, status: "APPROVED" } },
  "app/(app)/admin/templates/actions.ts#syncTemplates": {
    permission: "templates.manage",
    input: { companyId: COMPANY },
    companyField: "companyId",
  },
};
Object.assign(ACTIONS, SIMULATOR_ACTIONS);

const CHAT_ACTIONS: Record<string, Sample> = {
  "app/(app)/conversas/actions.ts#pickTicket": { permission: "tickets.handle", input: { ticketId: ID } },
  "app/(app)/conversas/actions.ts#sendChat": {
    permission: "tickets.handle",
    input: { ticketId: ID, clientMessageId: ID, body: "Olá" },
  },
  "app/(app)/conversas/actions.ts#finalizeTicket": { permission: "tickets.handle", input: { ticketId: ID } },
  "app/(app)/conversas/actions.ts#markChatRead": { permission: "tickets.handle", input: { ticketId: ID } },
  "app/(app)/conversas/actions.ts#startConversation": {
    permission: "tickets.handle",
    input: { senderNumberId: ID, customerPhone: "5511999999999", clientMessageId: ID },
  },
  "app/(app)/conversas/actions.ts#templatePreview": {
    permission: "tickets.handle",
    input: { templateId: ID, senderNumberId: ID, customerPhone: "5511999999999" },
  },
};
Object.assign(ACTIONS, CHAT_ACTIONS);

Object.assign(ACTIONS, {
  "app/(app)/automacao/actions.ts#runJobNow": { permission: "dashboard.view", input: { job: "window-checks" } },
} satisfies Record<string, Sample>);

/** Actions outside the helper, on purpose: the door in and the door out. */
const PUBLIC = ["app/(auth)/login/actions.ts#login", "app/(app)/actions.ts#logout"];

function user(permissions: Permission[], companyIds = [COMPANY]): CurrentUser {
  return {
    id: ID,
    name: "Teste",
    email: "t@x.com",
    roleName: "Teste",
    homeCompanyId: companyIds[0],
    permissions,
    companies: companyIds.map((id) => ({ id, name: id })),
    companyId: companyIds[0],
    companyIds,
    can: (p) => permissions.includes(p),
  };
}

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");

async function allActions() {
  const found: { key: string; fn: (raw: unknown) => Promise<{ ok: boolean; error?: string }> }[] = [];
  for (const [path, load] of Object.entries(modules)) {
    const mod = await load();
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.push({ key: `${path.slice(1)}#${name}`, fn: value as never });
    }
  }
  return found;
}

describe("server action guards", () => {
  beforeEach(() => {
    session.user = null;
  });
  afterEach(() => vi.clearAllMocks());

  it("knows every exported action (a new action must be added here with its guard)", async () => {
    const keys = (await allActions()).map((a) => a.key).sort();
    expect(keys).toEqual([...Object.keys(ACTIONS), ...PUBLIC].sort());
  });

  it("refuses anonymous callers", async () => {
    for (const { key, fn } of await allActions()) {
      if (PUBLIC.includes(key)) continue;
      const result = await fn(ACTIONS[key].input);
      expect(result, key).toEqual({ ok: false, error: "unauthenticated" });
    }
  });

  it("refuses anonymous callers before reading the input, so a malformed one learns nothing of the schema", async () => {
    for (const { key, fn } of await allActions()) {
      if (PUBLIC.includes(key)) continue;
      for (const input of [undefined, null, "x", 42, [], {}, { unexpected: true }]) {
        const result = await fn(input);
        expect(result, `${key} ${JSON.stringify(input)}`).toEqual({ ok: false, error: "unauthenticated" });
      }
    }
  });

  it("refuses callers whose role lacks the permission", async () => {
    for (const { key, fn } of await allActions()) {
      const sample = ACTIONS[key];
      if (!sample?.permission) continue;
      session.user = user(PERMISSIONS.filter((p) => p !== sample.permission));
      const result = await fn(sample.input);
      expect(result, key).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("refuses callers acting on a company outside their scope", async () => {
    for (const { key, fn } of await allActions()) {
      const sample = ACTIONS[key];
      if (!sample?.companyField) continue;
      session.user = user([...PERMISSIONS], [OTHER]);
      const result = await fn(sample.input);
      expect(result, key).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("lets a permitted caller through to the command (which here reaches the mocked database)", async () => {
    for (const { key, fn } of await allActions()) {
      const sample = ACTIONS[key];
      if (!sample || sample.permission === null) continue;
      session.user = user([sample.permission]);
      const spy = vi.spyOn(console, "error").mockImplementation(() => {});
      const result = await fn(sample.input);
      const logged = spy.mock.calls.map((call) => call[0]);
      spy.mockRestore();
      expect(result, key).toEqual({ ok: false, error: "unexpected" });
      // The log names the action (its defineAction name is its export name).
      expect(logged, key).toContain(`[atende] action ${key.split("#")[1]} failed`);
    }
  });
});
