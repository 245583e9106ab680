import fs from "node:fs";

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (e.g. a Playwright-downloaded one). */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}
