import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "@": root.replace(/\/$/, "") },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    pool: "forks",
    // Every database test file boots its own PGlite (or Postgres database) and runs bcrypt.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Postgres mode (TEST_DATABASE_URL): creates and migrates one template database per run.
    globalSetup: ["./test/global-setup.ts"],
  },
});
