import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/index";
import { systemClock } from "@/lib/clock";
import { trustProxyHops } from "@/lib/env";
import { clientAddress } from "./client-address";
import { loginSchema } from "./schema";
import { verifyCredentials } from "./verify-credentials";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class LockedOut extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // `npm run dev` must work without configuration; production refuses to start without AUTH_SECRET.
  secret: process.env.AUTH_SECRET ?? (process.env.NODE_ENV === "production" ? undefined : "atende-dev-only-secret"),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const address = clientAddress(request.headers, trustProxyHops());
        const result = await verifyCredentials(getDb(), { ...parsed.data, address }, systemClock.now());
        if (!result.ok) {
          if (result.error === "locked") {
            const error = new LockedOut();
            error.code = `locked:${result.retryAfterSeconds}`;
            throw error;
          }
          throw new InvalidCredentials();
        }
        return { id: result.user.id, name: result.user.name, email: result.user.email };
      },
    }),
  ],
  callbacks: {
    // Only the user id travels in the token; everything else is loaded per request.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return { sub: token.sub, name: token.name, email: token.email, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
