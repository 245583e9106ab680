import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic check only: anonymous visitors go to /login. Pages and actions still verify the
 * session themselves, so a forged or expired cookie gets nowhere.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") login.searchParams.set("next", target);
  return NextResponse.redirect(login);
}

export const config = {
  // The icons and the manifest are fetched before anyone signs in.
  matcher: ["/((?!login|api/|_next/|favicon.ico|robots.txt|manifest.webmanifest|icon-192.png|icon-512.png|apple-touch-icon.png).*)"],
};
