import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holidays } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { getCalendar, listHolidays } from "./calendar";
import { addHoliday, removeHoliday, saveCalendar } from "./calendar-settings";
import { calendarSchema, holidaySchema } from "./schema";

const NOW = new Date("2026-03-02T12:00:00.000Z");

let t: TestDb;
let s: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 30, now: NOW });
  s = await seeded(t.db);
});
afterAll(() => t?.close());

async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

/** The calendar form as the settings screen sends it. */
function calendarForm(overrides: Record<string, unknown> = {}) {
  return calendarSchema.parse({
    companyId: s.cps,
    openDays: ["6", "1", "2", "3"],
    opensAt: "07:30",
    closesAt: "16:00",
    slotMinutes: "45",
    capacityPerSlot: "5",
    ...overrides,
  });
}

describe("saveCalendar", () => {
  it("saves the rules and getCalendar reads them back", async () => {
    await saveCalendar(t.db, calendarForm(), { companyIds: [s.sp, s.cps], now: NOW });
    expect(await getCalendar(t.db, s.cps)).toEqual({
      timeZone: "America/Sao_Paulo",
      openDays: [1, 2, 3, 6],
      opensAt: "07:30",
      closesAt: "16:00",
      slotMinutes: 45,
      capacityPerSlot: 5,
    });
    // São Paulo's calendar is untouched.
    expect(await getCalendar(t.db, s.sp)).toMatchObject({ opensAt: "08:00", closesAt: "17:00", capacityPerSlot: 3 });
  });

  it("creates the row of a company that had none (upsert)", async () => {
    const [fresh] = await t.db.insert(companies).values({ name: "Filial Nova" }).returning({ id: companies.id });
    expect(await getCalendar(t.db, fresh.id)).toMatchObject({ openDays: [1, 2, 3, 4, 5], capacityPerSlot: 2 });
    await saveCalendar(t.db, calendarForm({ companyId: fresh.id, openDays: "0", capacityPerSlot: "9" }), { companyIds: [fresh.id], now: NOW });
    expect(await getCalendar(t.db, fresh.id)).toMatchObject({ openDays: [0], capacityPerSlot: 9, slotMinutes: 45 });
  });

  it("refuses a company outside the scope", async () => {
    expect(await userErrorCode(saveCalendar(t.db, calendarForm({ capacityPerSlot: "1" }), { companyIds: [s.sp], now: NOW }))).toBe("forbidden");
    expect((await getCalendar(t.db, s.cps)).capacityPerSlot).toBe(5);
  });

  it("validates days, hours, slot length and capacity", () => {
    const errors = (overrides: Record<string, unknown>) => {
      const result = calendarSchema.safeParse({
        companyId: s.cps,
        openDays: ["1"],
        opensAt: "08:00",
        closesAt: "18:00",
        slotMinutes: "30",
        capacityPerSlot: "2",
        ...overrides,
      });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({})).toEqual({});
    expect(errors({ openDays: undefined })).toEqual({ openDays: "openDaysRequired" });
    expect(errors({ openDays: ["7"] })).toMatchObject({ "openDays.0": "invalid" });
    expect(errors({ opensAt: "8h" })).toEqual({ opensAt: "timeFormat" });
    expect(errors({ closesAt: "08:00" })).toEqual({ closesAt: "closesAfterOpens" });
    expect(errors({ closesAt: "08:20" })).toEqual({ slotMinutes: "slotFitsDay" });
    expect(errors({ slotMinutes: "4" })).toEqual({ slotMinutes: "slotMinutes" });
    expect(errors({ slotMinutes: "241" })).toEqual({ slotMinutes: "slotMinutes" });
    expect(errors({ capacityPerSlot: "0" })).toEqual({ capacityPerSlot: "capacityPerSlot" });
    expect(errors({ capacityPerSlot: "101" })).toEqual({ capacityPerSlot: "capacityPerSlot" });
    expect(errors({ capacityPerSlot: "" })).toEqual({ capacityPerSlot: "capacityPerSlot" });
  });
});

describe("holidays", () => {
  const scope = () => ({ companyIds: [s.sp, s.cps] });

  it("adds a holiday and lists it by date", async () => {
    const input = holidaySchema.parse({ companyId: s.sp, date: "2026-01-25", name: " Aniversário de São Paulo " });
    const { id } = await addHoliday(t.db, input, scope());
    const list = await listHolidays(t.db, s.sp);
    expect(list.find((h) => h.id === id)).toEqual({ id, date: "2026-01-25", name: "Aniversário de São Paulo" });
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
  });

  it("refuses a second holiday on the same day of the same company, not of another", async () => {
    const input = holidaySchema.parse({ companyId: s.sp, date: "2026-12-25", name: "Natal de novo" });
    const error = await addHoliday(t.db, input, scope()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: "holiday_exists", fieldErrors: { date: ["holidayExists"] } });
    await addHoliday(t.db, holidaySchema.parse({ companyId: s.cps, date: "2026-01-25", name: "Aniversário de São Paulo" }), scope());
  });

  it("refuses adding to a company outside the scope", async () => {
    const input = holidaySchema.parse({ companyId: s.net, date: "2026-06-11", name: "Corpus Christi" });
    expect(await userErrorCode(addHoliday(t.db, input, scope()))).toBe("forbidden");
  });

  it("validates the date", () => {
    expect(holidaySchema.safeParse({ companyId: s.sp, date: "2026-02-30", name: "X" }).success).toBe(false);
    expect(holidaySchema.safeParse({ companyId: s.sp, date: "25/12/2026", name: "X" }).success).toBe(false);
    expect(holidaySchema.safeParse({ companyId: s.sp, date: "2026-12-25", name: " " }).success).toBe(false);
  });

  it("removeHoliday outside the scope finds nothing and removes nothing", async () => {
    const [netHoliday] = await listHolidays(t.db, s.net);
    expect(await userErrorCode(removeHoliday(t.db, { id: netHoliday.id }, scope()))).toBe("not_found");
    expect(await userErrorCode(removeHoliday(t.db, { id: netHoliday.id }, { companyIds: [] }))).toBe("not_found");
    expect(await t.db.select({ id: holidays.id }).from(holidays).where(eq(holidays.id, netHoliday.id))).toHaveLength(1);
  });

  it("removeHoliday in scope removes it", async () => {
    const [spHoliday] = await listHolidays(t.db, s.sp);
    await removeHoliday(t.db, { id: spHoliday.id }, scope());
    expect((await listHolidays(t.db, s.sp)).some((h) => h.id === spHoliday.id)).toBe(false);
    expect(await userErrorCode(removeHoliday(t.db, { id: spHoliday.id }, scope()))).toBe("not_found");
  });
});
