import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("an agent answers as the customer in the simulator: the message goes through the webhook and shows on the right", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  await page.goto("/simulador");
  await expect(page.getByRole("heading", { name: "Simulador do cliente (WhatsApp)" })).toBeVisible();

  await page.getByLabel("Número da empresa").selectOption({ label: "Horizonte SP — WhatsApp" });
  await page.getByLabel("Número do cliente").fill("5511912340001");
  await page.getByRole("button", { name: "Abrir conversa" }).click();
  await expect(page).toHaveURL(/customer=5511912340001/);

  const phone = page.getByRole("region", { name: /Celular do cliente/ });
  await expect(phone.getByText("Nenhuma mensagem ainda.", { exact: false })).toBeVisible();
  await phone.getByRole("textbox", { name: "Mensagem" }).fill("Olá, quero agendar uma revisão");
  await phone.getByRole("button", { name: "Enviar" }).click();

  // Stored by the real webhook and shown on the customer's side (the right).
  const bubble = phone.locator('[data-from="customer"]', { hasText: "Olá, quero agendar uma revisão" });
  await expect(bubble).toBeVisible();
  await expect(phone.getByRole("textbox", { name: "Mensagem" })).toHaveValue("");
  const [phoneBox, bubbleBox] = [await phone.boundingBox(), await bubble.locator("div").first().boundingBox()];
  expect(bubbleBox!.x + bubbleBox!.width).toBeGreaterThan(phoneBox!.x + phoneBox!.width * 0.75);
  await expect(page.getByText("O webhook não aceitou a mensagem simulada.", { exact: false })).toHaveCount(0);
  await expect(page.getByText("Algo deu errado", { exact: false })).toHaveCount(0);

  // It is in the database, not only on screen, and the conversation is now a recent one.
  await page.reload();
  await expect(phone.locator('[data-from="customer"]', { hasText: "Olá, quero agendar uma revisão" })).toHaveCount(1);
  await expect(page.getByLabel("Conversas recentes")).toContainText("(11) 91234-0001");
});

test("an invalid customer number is refused with a clear message", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  await page.goto("/simulador");
  await page.getByLabel("Número da empresa").selectOption({ label: "Horizonte SP — WhatsApp" });
  await page.getByLabel("Número do cliente").fill("123");
  await page.getByRole("button", { name: "Abrir conversa" }).click();
  await expect(page.getByText("Telefone inválido.", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: /Celular do cliente/ })).toHaveCount(0);
});
