import { expect, test } from "@playwright/test";

test("the favicon, the icons and the manifest answer anonymous visitors with their content types", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);

  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const body = (await manifest.json()) as { name: string; lang: string; theme_color: string; icons: { src: string; sizes: string }[] };
  expect(body).toMatchObject({ name: "Atende", lang: "pt-BR", theme_color: "#006a7d" });
  expect(body.icons.map((i) => i.sizes).sort()).toEqual(["192x192", "512x512"]);
  for (const icon of [...body.icons.map((i) => i.src), "/apple-touch-icon.png"]) {
    const response = await request.get(icon, { maxRedirects: 0 });
    expect(response.status(), icon).toBe(200);
    expect(response.headers()["content-type"], icon).toBe("image/png");
  }

  // The pages link them, so the tab and a pinned app show Atende.
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#006a7d");
});
