import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and postgres.js opens sockets: both must stay plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  // Attachments go through a server action; WhatsApp documents may reach 100 MB (checked in lib/tickets).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "101mb" } },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
