import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

// Issue 11, item 16: the invitation was offered for customers who opted out of WhatsApp, and the click refused.
test("an opt-out customer's invitation is disabled, saying why, in the worklist and on the card", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=mes");
  const row = page.getByTestId("worklist-row").filter({ hasText: "cliente pediu para não receber WhatsApp" }).first();
  await expect(row).toBeVisible();
  const invite = row.getByRole("button", { name: "Enviar convite pelo WhatsApp" });
  await expect(invite).toBeDisabled();
  await expect(invite).toHaveAccessibleDescription("O cliente pediu para não receber WhatsApp: ligue.");
  await expect(row.getByTestId("invitation-blocked")).toHaveAttribute("title", "O cliente pediu para não receber WhatsApp: ligue.");

  await row.getByRole("link").click();
  await expect(page.getByTestId("agenda-status")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviar convite pelo WhatsApp" })).toBeDisabled();
  await expect(page.getByText("O cliente pediu para não receber WhatsApp: ligue.")).toBeVisible();

  // A customer who can receive it still gets the button.
  await page.goto("/atendimento?agenda=mes");
  const reachable = page.getByTestId("worklist-row").filter({ hasText: "sem resposta no WhatsApp" }).first();
  await expect(reachable.getByRole("button", { name: "Enviar convite pelo WhatsApp" })).toBeEnabled();
});
