/**
 * The security headers of every response (next.config.ts) and the Content-Security-Policy of every page
 * (proxy.ts, which makes a nonce per request: Next puts it on its own scripts, read from the request's
 * policy, and the root layout hands it to next-themes' inline script).
 */

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the nonce'd scripts may load the chunks they need; nothing else runs. React
    // needs eval for its development stack traces only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with style attributes and sonner injects its stylesheet: styles cannot be
    // nonce'd (and a nonce would disable 'unsafe-inline'). Inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: { production: boolean }) {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // The phone desk will need microphone=(self) once it takes calls in the browser.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    // Production is served over HTTPS only (browsers ignore the header over plain HTTP).
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
