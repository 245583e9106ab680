import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

/** Chromium reports every CSP violation on the console ("Refused to …"). */
function cspViolations(page: Page) {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) found.push(`${page.url()}: ${message.text()}`);
  });
  return found;
}

test("pages answer with the security headers and a per-request CSP nonce on every script, and run under it", async ({ page, request }) => {
  const violations = cspViolations(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto("/login");
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(policy).toContain(directive);
  }
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  // The suite runs the production build.
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);

  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const next = await request.get("/login");
  expect(next.headers()["content-security-policy"]).not.toContain(nonce);

  // Routes and public files get the other headers too.
  for (const path of ["/favicon.ico", "/api/auth/session"]) {
    const other = await request.get(path);
    expect(other.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(other.headers()["x-frame-options"], path).toBe("DENY");
  }

  // And the app still works under that policy: no violation on the login page, the worklist, a card or
  // the chat, and client code runs (a dialog opens), so the nonce'd scripts and their chunks loaded.
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=mes");
  await expect(page.getByRole("heading", { name: "Tela de Atendimento" })).toBeVisible();
  await page.getByTestId("worklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/atendimento\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/conversas");
  await expect(page.getByRole("heading", { name: "Conversas", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Nova Conversa" }).click();
  await expect(page.getByRole("dialog", { name: "Nova Conversa" })).toBeVisible();

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
