import { signedIn } from "@/lib/desk/liveness";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/index";
import { systemClock } from "@/lib/clock";
import { trustProxyHops } from "@/lib/env";
import { clientAddress } from "./client-address";
import { loginSchema } from "./schema";
import { currentSessionVersion, revokeSessions } from "./session-version";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    /** users.session_version at sign-in. */
    ver?: number;
  }
}

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
        // The desk starts Não pronto: the agent chooses Pronto (issue 13).
        await signedIn(getDb(), result.user.id, systemClock.now()).catch((error: unknown) => console.error("[desk] presença no login falhou", error));
        return result.user;
      },
    }),
  ],
  callbacks: {
    // Only the user id and the session version travel in the token; everything else is loaded per
    // request. A token whose version is no longer the user's (logout, new password, deactivation) is
    // a signed-out visitor: null clears the cookie.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.ver = user.sessionVersion;
      } else if (!token.sub || token.ver === undefined || (await currentSessionVersion(getDb(), token.sub)) !== token.ver) {
        return null;
      }
      return { sub: token.sub, ver: token.ver, name: token.name, email: token.email, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (userId) await revokeSessions(getDb(), userId);
    },
  },
});
