import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and postgres.js opens sockets: both must stay plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  // Attachments (up to 100 MB) go through their own route, app/api/conversas/anexos, not a server action.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // On every response, pages, routes and public files alike; the pages' CSP comes from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default withNextIntl(nextConfig);
