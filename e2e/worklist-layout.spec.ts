import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

// Issue 11, item 1: the "Canal de contato" column (the Ligar badge and the invitation) used to sit past the
// right edge at 1440 px, so the agent scrolled sideways to see whether to call.
for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`the worklist fits ${viewport.width} px with the Ligar badge on screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, LOGINS.supervisor);
    await page.goto("/atendimento?agenda=mes");
    const table = page.getByTestId("worklist");
    const badge = table.getByText("Ligar", { exact: true }).first();
    await expect(badge).toBeVisible();

    const overflow = await table.evaluate((el) => {
      const box = el.parentElement!;
      return { scroll: box.scrollWidth, client: box.clientWidth };
    });
    expect(overflow.scroll, "the table scrolls sideways").toBeLessThanOrEqual(overflow.client);

    // Brought into view vertically only: no sideways scrolling may be needed to read it.
    await badge.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
    await expect(badge).toBeInViewport({ ratio: 1 });
    const invite = table.getByRole("button", { name: "Enviar convite pelo WhatsApp" }).first();
    await invite.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
    await expect(invite).toBeInViewport({ ratio: 1 });
    const header = await table.locator("th").filter({ hasText: "Canal de contato" }).boundingBox();
    expect(header!.x + header!.width).toBeLessThanOrEqual(viewport.width);
  });
}
