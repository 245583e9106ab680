import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGES = ["/login"];

/**
 * Every page: a fresh CSP nonce (see lib/http/security-headers.ts). And an optimistic check only:
 * anonymous visitors go to /login. Pages and actions still verify the session themselves, so a forged,
 * expired or revoked cookie gets nowhere.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !PUBLIC_PAGES.includes(pathname)) {
    const login = new URL("/login", request.url);
    if (pathname + search !== "/") login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // Next reads the nonce from the request's policy; the root layout from x-nonce.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not the routes (api/), Next's files, nor the icons and the manifest fetched before anyone signs in.
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|manifest.webmanifest|icon-192.png|icon-512.png|apple-touch-icon.png).*)"],
};
