import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Atende", template: "%s · Atende" },
  applicationName: "Atende",
  description: "CRM de contact center: agendas, WhatsApp e atendimento.",
  // The files in public/ (the manifest, app/manifest.ts, is linked by Next itself).
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "16x16 32x32 48x48" }, { url: "/icon-192.png", sizes: "192x192", type: "image/png" }],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

// The brand primary (--primary in globals.css, oklch(0.48 0.09 215)).
export const viewport: Viewport = { themeColor: "#006a7d" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  // Made per request by proxy.ts, for the one inline script of our own (next-themes').
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen antialiased">
        <NextIntlClientProvider>
          <ThemeProvider nonce={nonce}>
            {children}
            {/* Bottom left, over the sidebar's empty foot: top right they covered the bell and the user menu. */}
            <Toaster richColors closeButton position="bottom-left" offset={{ left: 12, bottom: 12 }} />
          </ThemeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
