import { describe, expect, it } from "vitest";
import { parseWebhook, waIdToPhone } from "./parse-webhook";

const change = (value: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [{ id: "WABA", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "551140001000", phone_number_id: "PH1" }, ...value } }] }],
});

describe("phone normalisation of WhatsApp ids", () => {
  it("keeps E.164 digits", () => {
    expect(waIdToPhone("5511987654321")).toBe("5511987654321");
    expect(waIdToPhone("+55 (11) 98765-4321")).toBe("5511987654321");
  });
  it("puts back the ninth digit of Brazilian mobiles", () => {
    expect(waIdToPhone("551187654321")).toBe("5511987654321");
    expect(waIdToPhone("552199998888")).toBe("5521999998888");
  });
  it("leaves Brazilian landlines and foreign numbers alone", () => {
    expect(waIdToPhone("551133334444")).toBe("551133334444");
    expect(waIdToPhone("14155552671")).toBe("14155552671");
  });
  it("falls back to the digits for numbers libphonenumber does not know", () => {
    expect(waIdToPhone("999")).toBe("999");
  });
});

describe("parseWebhook", () => {
  it("answers null for anything that is not a JSON object", () => {
    expect(parseWebhook(null)).toBeNull();
    expect(parseWebhook([])).toBeNull();
    expect(parseWebhook("x")).toBeNull();
    expect(parseWebhook(42)).toBeNull();
  });

  it("tolerates objects without entries and unknown fields", () => {
    expect(parseWebhook({})).toEqual({ messages: [], statuses: [], skipped: 0 });
    expect(parseWebhook({ entry: "nope", extra: 1 })).toEqual({ messages: [], statuses: [], skipped: 0 });
    const other = { entry: [{ changes: [{ field: "account_update", value: { event: "APPROVED" } }] }] };
    expect(parseWebhook(other)).toEqual({ messages: [], statuses: [], skipped: 0 });
    // A template status update must name its template.
    const nameless = { entry: [{ changes: [{ field: "message_template_status_update", value: { event: "PAUSED" } }] }] };
    expect(parseWebhook(nameless)).toMatchObject({ skipped: 1, skippedReasons: ["template status update without a name or event"] });
  });

  it("reads text, names, timestamps and context", () => {
    const parsed = parseWebhook(
      change({
        contacts: [{ profile: { name: "Maria" }, wa_id: "551187654321" }],
        messages: [{ from: "551187654321", id: "wamid.A", timestamp: "1763900000", type: "text", text: { body: "Oi" }, context: { id: "wamid.OUT" }, future_field: {} }],
      }),
    )!;
    expect(parsed.messages).toEqual([
      {
        wamid: "wamid.A",
        phoneNumberId: "PH1",
        from: "551187654321",
        customerPhone: "5511987654321",
        userId: null,
        contactName: "Maria",
        timestamp: new Date(1763900000 * 1000),
        type: "text",
        body: "Oi",
        interactive: null,
        media: null,
        contextWamid: "wamid.OUT",
      },
    ]);
  });

  it("reads interactive replies, template button taps, media, locations and unknown types", () => {
    const parsed = parseWebhook(
      change({
        messages: [
          { from: "5511987654321", id: "w1", type: "interactive", interactive: { type: "button_reply", button_reply: { id: "sim", title: "Sim" } } },
          { from: "5511987654321", id: "w2", type: "interactive", interactive: { type: "list_reply", list_reply: { id: "h1", title: "Terça 10h", description: "Centro" } } },
          { from: "5511987654321", id: "w3", type: "button", button: { payload: "QUERO_AGENDAR", text: "Quero agendar" } },
          { from: "5511987654321", id: "w4", type: "image", image: { id: "IMG", mime_type: "image/jpeg", sha256: "abc", caption: "Painel" } },
          { from: "5511987654321", id: "w5", type: "document", document: { id: "DOC", mime_type: "application/pdf", filename: "nf.pdf" } },
          { from: "5511987654321", id: "w6", type: "audio", audio: { id: "AUD", mime_type: "audio/ogg", voice: true } },
          { from: "5511987654321", id: "w7", type: "location", location: { latitude: -23.55, longitude: -46.63, name: "Oficina" } },
          { from: "5511987654321", id: "w8", type: "hologram", hologram: { x: 1 } },
          { from: "5511987654321", id: "w9", type: "unsupported", errors: [{ code: 131051, title: "Message type unknown" }] },
          { from: "5511987654321", id: "w10" },
        ],
      }),
    )!;
    const by = Object.fromEntries(parsed.messages.map((m) => [m.wamid, m]));
    expect(by.w1).toMatchObject({ type: "interactive", body: "Sim", interactive: { type: "button_reply", id: "sim", title: "Sim" } });
    expect(by.w2).toMatchObject({ type: "interactive", body: "Terça 10h", interactive: { type: "list_reply", id: "h1", title: "Terça 10h", description: "Centro" } });
    expect(by.w3).toMatchObject({ type: "button", body: "Quero agendar", interactive: { type: "template_button", payload: "QUERO_AGENDAR", text: "Quero agendar" } });
    expect(by.w4).toMatchObject({ type: "image", body: "Painel", media: { kind: "image", id: "IMG", mimeType: "image/jpeg", sha256: "abc", caption: "Painel" } });
    expect(by.w5).toMatchObject({ type: "document", body: "nf.pdf", media: { kind: "document", id: "DOC", fileName: "nf.pdf" } });
    expect(by.w6).toMatchObject({ type: "audio", body: "[Áudio]", media: { kind: "audio", id: "AUD" } });
    expect(by.w7).toMatchObject({ type: "location", body: "[Localização] Oficina", media: { kind: "location", latitude: -23.55, longitude: -46.63 } });
    expect(by.w8).toMatchObject({ type: "hologram", body: "[Mensagem não suportada: hologram]" });
    expect(by.w9).toMatchObject({ type: "unsupported", media: { kind: "unsupported", errorCode: 131051 } });
    expect(by.w10).toMatchObject({ type: "unknown" });
    expect(parsed.skipped).toBe(0);
  });

  it("reads statuses with their errors, skipping unknown ones and items without ids", () => {
    const parsed = parseWebhook(
      change({
        messages: [{ from: "5511987654321", type: "text", text: { body: "sem id" } }],
        statuses: [
          { id: "wamid.1", status: "delivered", timestamp: "1763900000", recipient_id: "5511987654321" },
          { id: "wamid.2", status: "failed", timestamp: "1763900001", errors: [{ code: 131047, title: "Re-engagement message" }] },
          { id: "wamid.3", status: "deleted", timestamp: "1763900002" },
          { status: "read" },
        ],
      }),
    )!;
    expect(parsed.statuses).toEqual([
      { wamid: "wamid.1", status: "delivered", timestamp: new Date(1763900000000), recipientId: "5511987654321", errorCode: null, errorTitle: null },
      { wamid: "wamid.2", status: "failed", timestamp: new Date(1763900001000), recipientId: null, errorCode: 131047, errorTitle: "Re-engagement message" },
    ]);
    expect(parsed.skipped).toBe(3);
  });

  it("skips a message whose sender is not an E.164 number (digits only, 8 to 15) and keeps the others", () => {
    const msg = (from: string, id: string) => ({ from, id, timestamp: "1763900000", type: "text", text: { body: "Oi" } });
    const parsed = parseWebhook(
      change({
        messages: [
          msg("abc", "wamid.letters"),
          msg("9".repeat(5000), "wamid.long"),
          msg("1234567", "wamid.short"),
          msg("+5511987654321", "wamid.plus"),
          msg("12345678", "wamid.eight"),
          msg("5511987654321", "wamid.ok"),
          msg("123456789012345", "wamid.fifteen"),
        ],
      }),
    )!;
    expect(parsed.messages.map((m) => m.wamid)).toEqual(["wamid.eight", "wamid.ok", "wamid.fifteen"]);
    expect(parsed.skipped).toBe(4);
    expect(parsed.invalidSenders).toEqual(["abc", "9".repeat(5000), "1234567", "+5511987654321"]);
  });
});
