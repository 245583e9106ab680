import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

const SENDER = "Horizonte SP — WhatsApp";
const CUSTOMER = "5511912345077";

test("a long chat opens at the newest message and follows the next one", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const customer = await browser.newPage();
  await signIn(customer, LOGINS.supervisor);
  await customer.goto("/simulador");
  await customer.getByLabel("Número da empresa").selectOption({ label: SENDER });
  await customer.getByLabel("Número do cliente").fill(CUSTOMER);
  await customer.getByRole("button", { name: "Abrir conversa" }).click();
  const phone = customer.getByRole("region", { name: /Celular do cliente/ });
  const say = async (text: string) => {
    await phone.getByRole("textbox", { name: "Mensagem" }).fill(text);
    await phone.getByRole("button", { name: "Enviar" }).click();
    await expect(phone.locator('[data-from="customer"]', { hasText: text })).toBeVisible();
  };
  for (let n = 1; n <= 12; n++) await say(`Mensagem número ${n} do cliente`);

  await signIn(page, LOGINS.agent);
  await page.goto("/conversas");
  await page.getByRole("button", { name: "Nova Conversa" }).click();
  const dialog = page.getByRole("dialog", { name: "Nova Conversa" });
  await dialog.getByLabel("Número de Origem").selectOption({ label: `${SENDER} (551140001000)` });
  await dialog.getByLabel("Para").fill(CUSTOMER);
  await dialog.getByRole("button", { name: "+ Criar Conversa" }).click();
  await expect(page).toHaveURL(/\/conversas\?t=/);

  const chat = page.getByTestId("chat-messages");
  await expect(chat.getByText("Mensagem número 12 do cliente")).toBeInViewport();
  await expect(chat.getByText("Mensagem número 1 do cliente", { exact: true })).not.toBeInViewport();

  await say("Mais uma, a mais nova");
  await expect(chat.getByText("Mais uma, a mais nova")).toBeInViewport({ timeout: 15_000 });
  await customer.close();
});
