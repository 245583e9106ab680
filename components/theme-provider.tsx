"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";

/**
 * next-themes, whose inline script sets the theme class before a server-rendered page paints. Next
 * renders its 403 and 404 pages in the browser (the server sends an empty shell), where React would
 * create that <script> without running it and warn "Encountered a script tag"; there it is a data block.
 */
export function ThemeProvider({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
      scriptProps={typeof window === "undefined" ? undefined : { type: "application/json" }}
    >
      {children}
    </NextThemesProvider>
  );
}
