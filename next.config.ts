import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and postgres.js opens sockets: both must stay plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  // Attachments (up to 100 MB) go through their own route, app/api/conversas/anexos, not a server action.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
