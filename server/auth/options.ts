import type { NextAuthOptions, User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/server/env";
import { appDeps } from "@/server/lib/deps";
import { isDomainError } from "@/server/lib/errors";
import { ZSignInInput } from "./login.schema";
import { peerFromHeaders } from "@/server/http/client-ip";
import { checkCredentials } from "./login.service";

/**
 * The address the launcher's front server vouched for (server/http/client-ip.ts). X-Forwarded-For and
 * X-Real-IP are never read here: the front already believed them, or removed them, by TRUST_PROXY.
 */
function clientIp(headers: Record<string, unknown> | undefined): string {
  return peerFromHeaders((name) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : Array.isArray(v) ? String(v[0] ?? "") : null;
  }, env.MB_PEER_TOKEN);
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      name: "phone",
      credentials: { phone: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZSignInInput.safeParse(credentials ?? {});
        // next-auth passes the thrown message to the sign-in page as `error`: we send the code only.
        if (!parsed.success) throw new Error("INVALID_INPUT");
        try {
          const { userId, sessionVersion } = await checkCredentials(appDeps(), { ...parsed.data, ip: clientIp(req?.headers) });
          return { id: userId, sessionVersion } as User;
        } catch (e) {
          if (isDomainError(e)) {
            throw new Error(e.code === "LOGIN_RATE_LIMITED" ? `${e.code}:${e.params.minutes}` : e.code);
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `sv`: the session version at sign-in; a later bump (password change, sign out everywhere) revokes this token
      if (user) {
        token.uid = user.id;
        token.sv = (user as User & { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined };
    },
  },
};
