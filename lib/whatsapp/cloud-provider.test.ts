import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCloudProvider, WhatsappProviderError } from "./cloud-provider";
import { mapGraphError } from "./errors";
import type { WhatsappGateway } from "./gateway";

/** A local fake Graph API: records every request and answers with whatever the test queued. */
type Recorded = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
type Reply = { status: number; body: unknown };

let server: http.Server;
let baseUrl: string;
let requests: Recorded[] = [];
let replies: Reply[] = [];

const graphError = (code: number, message: string, status = 400): Reply => ({
  status,
  body: { error: { message, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details: message }, fbtrace_id: "Ax1" } },
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = replies.shift() ?? {
        status: 200,
        body: { messaging_product: "whatsapp", contacts: [{ input: "x", wa_id: "x" }], messages: [{ id: `wamid.fake.${requests.length}` }] },
      };
      res.writeHead(reply.status, { "Content-Type": "application/json" });
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  replies = [];
});

const FROM = { providerPhoneId: "106540352242922" };
const TO = "5511987654321";

function provider(extra: Partial<Parameters<typeof createCloudProvider>[0]> = {}): WhatsappGateway {
  return createCloudProvider({ baseUrl: `${baseUrl}/`, apiVersion: "v21.0", accessToken: "EAAG-test-token", businessAccountId: "WABA1", ...extra });
}
const lastJson = () => JSON.parse(requests.at(-1)!.body) as Record<string, unknown>;

describe("cloud provider: request shapes", () => {
  it("sends a text to /{version}/{phone-number-id}/messages with the bearer token", async () => {
    const result = await provider().send(FROM, TO, { type: "text", body: "Olá, Maria!" });
    expect(result).toEqual({ ok: true, wamid: "wamid.fake.1" });
    const req = requests[0];
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v21.0/106540352242922/messages");
    expect(req.headers.authorization).toBe("Bearer EAAG-test-token");
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "text",
      text: { preview_url: false, body: "Olá, Maria!" },
    });
  });

  it("honours a configured API version", async () => {
    await provider({ apiVersion: "v23.0" }).send(FROM, TO, { type: "text", body: "x" });
    expect(requests[0].url).toBe("/v23.0/106540352242922/messages");
  });

  it("sends a template with its language and body parameters", async () => {
    await provider().send(FROM, TO, {
      type: "template",
      name: "lembrete_revisao",
      language: "pt_BR",
      params: ["Maria", "Onix"],
      renderedBody: "Olá Maria, a revisão do Onix…",
    });
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "template",
      template: {
        name: "lembrete_revisao",
        language: { code: "pt_BR" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Maria" }, { type: "text", text: "Onix" }] }],
      },
    });
  });

  it("omits components for a template without variables", async () => {
    await provider().send(FROM, TO, { type: "template", name: "hello_world", language: "en_US", params: [], renderedBody: "Hello" });
    expect(lastJson().template).toEqual({ name: "hello_world", language: { code: "en_US" } });
  });

  it("sends interactive reply buttons", async () => {
    await provider().send(FROM, TO, {
      type: "buttons",
      body: "Podemos confirmar?",
      buttons: [
        { id: "sim", title: "Sim" },
        { id: "nao", title: "Não" },
      ],
    });
    expect(lastJson()).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Podemos confirmar?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "sim", title: "Sim" } },
            { type: "reply", reply: { id: "nao", title: "Não" } },
          ],
        },
      },
    });
  });

  it("sends an interactive list in one section with the title Meta requires", async () => {
    await provider().send(FROM, TO, {
      type: "list",
      body: "Escolha um horário",
      buttonText: "Horários",
      rows: [
        { id: "h1", title: "Terça 10:00", description: "Oficina Centro" },
        { id: "h2", title: "Terça 10:30" },
      ],
    });
    expect(lastJson()).toMatchObject({
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Escolha um horário" },
        action: {
          button: "Horários",
          sections: [
            {
              title: "Horários",
              rows: [
                { id: "h1", title: "Terça 10:00", description: "Oficina Centro" },
                { id: "h2", title: "Terça 10:30" },
              ],
            },
          ],
        },
      },
    });
  });

  it("sends to a business-scoped user id in `recipient`, to a phone in `to`", async () => {
    await provider().send(FROM, "BR.1502576394655843", { type: "text", body: "Oi" });
    expect(lastJson()).toMatchObject({ recipient: "BR.1502576394655843" });
    expect(lastJson()).not.toHaveProperty("to");
    await provider().send(FROM, TO, { type: "text", body: "Oi" });
    expect(lastJson()).toMatchObject({ to: TO });
    expect(lastJson()).not.toHaveProperty("recipient");
  });

  it("sends media by id: caption, and a file name only on documents", async () => {
    await provider().send(FROM, TO, { type: "media", kind: "document", mediaId: "M1", caption: "Orçamento", fileName: "orcamento.pdf" });
    expect(lastJson()).toMatchObject({ type: "document", document: { id: "M1", caption: "Orçamento", filename: "orcamento.pdf" } });
    await provider().send(FROM, TO, { type: "media", kind: "image", mediaId: "M2", caption: "Foto", fileName: "foto.jpg" });
    expect(lastJson()).toMatchObject({ type: "image", image: { id: "M2", caption: "Foto" } });
    expect((lastJson().image as Record<string, unknown>).filename).toBeUndefined();
    await provider().send(FROM, TO, { type: "media", kind: "audio", mediaId: "M3", caption: "ignorada" });
    expect(lastJson().audio).toEqual({ id: "M3" });
  });

  it("uploads media as multipart to /{phone-number-id}/media", async () => {
    replies.push({ status: 200, body: { id: "MEDIA-123" } });
    const result = await provider().uploadMedia(FROM, { bytes: new TextEncoder().encode("%PDF-1.4 fake"), mimeType: "application/pdf", fileName: "orcamento.pdf" });
    expect(result).toEqual({ mediaId: "MEDIA-123" });
    const req = requests[0];
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v21.0/106540352242922/media");
    expect(req.headers.authorization).toBe("Bearer EAAG-test-token");
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.body).toMatch(/name="messaging_product"\r\n\r\nwhatsapp/);
    expect(req.body).toMatch(/name="type"\r\n\r\napplication\/pdf/);
    expect(req.body).toMatch(/name="file"; filename="orcamento.pdf"/);
    expect(req.body).toContain("%PDF-1.4 fake");
  });

  it("lists templates across pages by cursor, mapping components and statuses", async () => {
    replies.push({
      status: 200,
      body: {
        data: [
          {
            name: "lembrete_revisao",
            language: "pt_BR",
            status: "APPROVED",
            category: "UTILITY",
            components: [
              { type: "HEADER", format: "TEXT", text: "Revisão" },
              { type: "BODY", text: "Olá {{1}}, sua revisão está chegando." },
              { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Quero agendar" }, { type: "URL", text: "Site", url: "https://x" }, { type: "PHONE_NUMBER", text: "Ligar" }] },
            ],
          },
        ],
        paging: { cursors: { before: "b0", after: "CURSOR1" }, next: "https://graph.facebook.com/v21.0/WABA1/message_templates?after=CURSOR1" },
      },
    });
    replies.push({
      status: 200,
      body: {
        data: [{ name: "promo", language: "pt_BR", status: "PAUSED", category: "MARKETING", components: [{ type: "BODY", text: "Oferta" }] }],
        paging: { cursors: { before: "b1", after: "CURSOR2" } },
      },
    });
    const templates = await provider().listTemplates();
    expect(templates).toEqual([
      {
        name: "lembrete_revisao",
        language: "pt_BR",
        category: "UTILITY",
        status: "APPROVED",
        body: "Olá {{1}}, sua revisão está chegando.",
        buttons: [
          { type: "QUICK_REPLY", text: "Quero agendar" },
          { type: "URL", text: "Site" },
        ],
      },
      { name: "promo", language: "pt_BR", category: "MARKETING", status: "REJECTED", body: "Oferta", buttons: [] },
    ]);
    expect(requests).toHaveLength(2);
    const first = new URL(requests[0].url, baseUrl);
    expect(first.pathname).toBe("/v21.0/WABA1/message_templates");
    expect(first.searchParams.get("fields")).toBe("name,language,status,category,components");
    expect(first.searchParams.get("after")).toBeNull();
    expect(new URL(requests[1].url, baseUrl).searchParams.get("after")).toBe("CURSOR1");
    expect(requests[1].headers.authorization).toBe("Bearer EAAG-test-token");
  });
});

describe("cloud provider: errors", () => {
  it("maps 131047 (outside the 24-h window)", async () => {
    replies.push(graphError(131047, "Re-engagement message"));
    const result = await provider().send(FROM, TO, { type: "text", body: "Oi" });
    expect(result).toEqual({ ok: false, ...mapGraphError(131047) });
    expect(result).toMatchObject({ ok: false, code: 131047, retryable: false });
  });

  it("maps 131026 (not on WhatsApp)", async () => {
    replies.push(graphError(131026, "Message Undeliverable"));
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({
      ok: false,
      code: 131026,
      title: "Mensagem não entregue: o número não está no WhatsApp",
      retryable: false,
    });
  });

  it("maps 130429 (throughput) as retryable", async () => {
    replies.push(graphError(130429, "Rate limit hit", 429));
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({ ok: false, code: 130429, retryable: true });
  });

  it("maps 190 (token expired) on 401", async () => {
    replies.push(graphError(190, "Error validating access token: Session has expired", 401));
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({
      ok: false,
      code: 190,
      title: "Token de acesso do WhatsApp expirado ou inválido",
      retryable: false,
    });
  });

  it("keeps the provider's message for unknown codes; 5xx without a body is retryable", async () => {
    replies.push(graphError(100, "Invalid parameter"));
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toEqual({ ok: false, code: 100, title: "Invalid parameter", retryable: false });
    replies.push({ status: 503, body: "<html>unavailable</html>" });
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({ ok: false, code: 1, retryable: true });
  });

  it("reports a success without a message id, and an unreachable server, as failures", async () => {
    replies.push({ status: 200, body: { messaging_product: "whatsapp" } });
    expect(await provider().send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({ ok: false, code: 0 });
    const down = createCloudProvider({ baseUrl: "http://127.0.0.1:1", apiVersion: "v21.0", accessToken: "t" });
    expect(await down.send(FROM, TO, { type: "text", body: "Oi" })).toMatchObject({ ok: false, code: 0, retryable: true });
  });

  it("throws a mapped error from upload and template list", async () => {
    replies.push(graphError(190, "expired", 401));
    const upload = provider().uploadMedia(FROM, { bytes: new Uint8Array([1]), mimeType: "image/png", fileName: "a.png" });
    await expect(upload).rejects.toBeInstanceOf(WhatsappProviderError);
    replies.push(graphError(190, "expired", 401));
    await expect(provider().listTemplates()).rejects.toMatchObject({ error: { code: 190 } });
  });
});
