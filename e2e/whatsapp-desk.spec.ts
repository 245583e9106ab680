import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const SENDER = "Horizonte SP — WhatsApp";

async function answerAsCustomer(page: Page, customer: string, text: string) {
  await page.goto("/simulador");
  await page.getByLabel("Número da empresa").selectOption({ label: SENDER });
  await page.getByLabel("Número do cliente").fill(customer);
  await page.getByRole("button", { name: "Abrir conversa" }).click();
  const phone = page.getByRole("region", { name: /Celular do cliente/ });
  await phone.getByRole("textbox", { name: "Mensagem" }).fill(text);
  await phone.getByRole("button", { name: "Enviar" }).click();
  await expect(phone.locator('[data-from="customer"]', { hasText: text })).toBeVisible();
  return phone;
}

async function openNewConversation(page: Page, customer: string) {
  await page.goto("/conversas");
  await page.getByRole("button", { name: "Nova Conversa" }).click();
  const dialog = page.getByRole("dialog", { name: "Nova Conversa" });
  await dialog.getByLabel("Número de Origem").selectOption({ label: `${SENDER} (551140001000)` });
  const create = dialog.getByRole("button", { name: "+ Criar Conversa" });
  await dialog.getByLabel("Para").fill("55119");
  await expect(create).toBeDisabled();
  await dialog.getByLabel("Para").fill(customer);
  await expect(create).toBeEnabled();
  return { dialog, create };
}

async function finish(page: Page, reason: string) {
  await page.getByLabel("Motivo de contato").selectOption({ label: reason });
  await page.getByLabel("Descrição do Atendimento").fill("Cliente atendido pelo WhatsApp.");
  await page.getByRole("button", { name: "Finalizar Atendimento" }).click();
  await expect(page.getByText("Qualificação registrada com sucesso.")).toBeVisible();
  await expect(page.getByText("Descrição registrada com sucesso.")).toBeVisible();
  await expect(page.getByText("Atendimento finalizado.")).toBeVisible();
}

test("within 24 hours: Nova Conversa opens the chat with the history and the agent replies", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  const customer = "5511912345001";
  await answerAsCustomer(page, customer, "Oi, preciso de ajuda com a revisão");

  const { create } = await openNewConversation(page, customer);
  await create.click();
  await expect(page).toHaveURL(/\/conversas\?t=/);
  const chat = page.getByTestId("chat-messages");
  await expect(chat.getByText("Oi, preciso de ajuda com a revisão")).toBeVisible();
  await expect(page.getByTestId("window-alert")).toHaveCount(0);

  await page.getByLabel("Digite sua mensagem…").fill("Olá! Claro, qual o melhor dia?");
  await page.keyboard.press("Enter");
  await expect(chat.locator('[data-direction="out"]', { hasText: "Olá! Claro, qual o melhor dia?" })).toBeVisible();
  await expect(chat.locator('[data-direction="out"]').getByText("Ana Agente")).toBeVisible();

  // Attachments within WhatsApp's types and sizes go out; others are refused with a clear message.
  await page.getByTestId("attachment-input").setInputFiles({ name: "orcamento.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 orçamento") });
  await expect(page.getByText("Arquivo enviado.")).toBeVisible();
  await expect(chat.locator('[data-direction="out"]', { hasText: "orcamento.pdf" })).toBeVisible();
  await page.getByTestId("attachment-input").setInputFiles({ name: "programa.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  await expect(page.getByText("Tipo de arquivo não aceito pelo WhatsApp.", { exact: false })).toBeVisible();
  // A document past the 10 MB a request through the proxy carries (documents may reach 100 MB).
  const manual = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(12 * 1024 * 1024)]);
  await page.getByTestId("attachment-input").setInputFiles({ name: "manual-do-veiculo.pdf", mimeType: "application/pdf", buffer: manual });
  await expect(chat.locator('[data-direction="out"]', { hasText: "manual-do-veiculo.pdf" })).toBeVisible({ timeout: 30_000 });
  // A program renamed as a picture is refused by its content; an empty file is called empty.
  await page.getByTestId("attachment-input").setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096)]) });
  await expect(page.getByText("O conteúdo do arquivo não corresponde ao tipo dele", { exact: false })).toBeVisible();
  await expect(chat.locator('[data-direction="out"]', { hasText: "foto.png" })).toHaveCount(0);
  await page.getByTestId("attachment-input").setInputFiles({ name: "vazio.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await expect(page.getByText("O arquivo está vazio.", { exact: false })).toBeVisible();

  await finish(page, "Agendamento de revisão");
  await page.goto("/historico?numero=912345001");
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByTestId("history-row")).toContainText("Agendamento de revisão");
});

test("after 24 hours: template required, box disabled until the customer answers, then Histórico → Nova Conversa", async ({ page, browser }) => {
  await signIn(page, LOGINS.agent);
  const customer = "5511912345002";
  const { dialog, create } = await openNewConversation(page, customer);
  await create.click();

  // The popup updates: the 24-hour alert and the two required fields.
  await expect(dialog.getByTestId("window-alert")).toContainText("mais de 24 horas");
  await expect(create).toBeDisabled();
  await dialog.getByLabel("Escolher Modelo").selectOption({ label: "retomar_atendimento" });
  await expect(dialog.getByLabel("Texto do Modelo")).toHaveValue(/aqui é da Horizonte Veículos/);
  await dialog.getByLabel("Campo 1").fill("Marina");
  await expect(dialog.getByLabel("Texto do Modelo")).toHaveValue(/^Olá Marina, aqui é da/);
  await create.click();

  await expect(page).toHaveURL(/\/conversas\?t=/);
  const ticketUrl = page.url();
  const chat = page.getByTestId("chat-messages");
  await expect(chat.getByText(/^Olá Marina, aqui é da/)).toBeVisible();
  await expect(page.getByLabel("Digite sua mensagem…")).toBeDisabled();
  await expect(page.getByTestId("window-alert")).toBeVisible();

  // "+ Selecionar Template" reopens the popup with both numbers filled.
  await page.getByRole("button", { name: "+ Selecionar Template" }).click();
  const again = page.getByRole("dialog", { name: "Nova Conversa" });
  await expect(again.getByLabel("Para")).toHaveValue(customer);
  await expect(again.getByLabel("Número de Origem").locator("option:checked")).toContainText(SENDER);
  await expect(again.getByLabel("Escolher Modelo")).toBeVisible();
  await page.keyboard.press("Escape");

  // The customer answers on the phone.
  const phonePage = await browser.newPage();
  await signIn(phonePage, LOGINS.agent);
  const phone = await answerAsCustomer(phonePage, customer, "Oi! Pode falar sim.");
  await expect(phone.getByText(/^Olá Marina, aqui é da/)).toBeVisible();

  await page.goto(ticketUrl);
  await expect(chat.getByText("Oi! Pode falar sim.")).toBeVisible();
  await expect(page.getByTestId("window-alert")).toHaveCount(0);
  await page.getByLabel("Digite sua mensagem…").fill("Que bom! Vamos agendar sua revisão?");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(chat.getByText("Que bom! Vamos agendar sua revisão?")).toBeVisible();
  await finish(page, "Status da OS");

  await page.goto("/historico?numero=912345002");
  const row = page.getByTestId("history-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Status da OS");
  await row.getByRole("button", { name: "Mais ações" }).click();
  await page.getByRole("menuitem", { name: "Ver conversa" }).click();
  await expect(page.getByText("Oi! Pode falar sim.")).toBeVisible();
  await page.getByTestId("history-row").getByRole("button", { name: "Mais ações" }).click();
  await page.getByRole("menuitem", { name: "+ Iniciar Nova Conversa" }).click();
  const fromHistory = page.getByRole("dialog", { name: "Nova Conversa" });
  await expect(fromHistory.getByLabel("Para")).toHaveValue(customer);
  await expect(fromHistory.getByRole("button", { name: "+ Criar Conversa" })).toBeEnabled();
});
