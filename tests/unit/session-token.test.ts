import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionTokens, userIdFromCookies, userIdFromToken } from "@/server/auth/session";

// The session cookie is made by next-auth's `encode`; the app reads it with its own decoder (the key is
// derived once). Both must agree, and anything else must read as signed out.
const SECRET = "unit-test-secret-unit-test-secret";

describe("session token", () => {
  it("reads the user of a token next-auth made", async () => {
    const token = await encode({ token: { uid: "user_1", name: "张三" }, secret: SECRET });
    expect(await userIdFromToken(token, SECRET)).toBe("user_1");
    // a second read uses the cached key and still agrees
    expect(await userIdFromToken(token, SECRET)).toBe("user_1");
  });

  it("treats another secret, a tampered, an expired or a garbage token as signed out", async () => {
    const token = await encode({ token: { uid: "user_1" }, secret: SECRET });
    expect(await userIdFromToken(token, "another-secret-another-secret-xx")).toBeNull();
    const parts = token.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(await userIdFromToken(parts.join("."), SECRET)).toBeNull();
    const expired = await encode({ token: { uid: "user_1" }, secret: SECRET, maxAge: -60 });
    expect(await userIdFromToken(expired, SECRET)).toBeNull();
    expect(await userIdFromToken("not-a-token", SECRET)).toBeNull();
    // the key follows the secret: after reading with another secret, the first still works
    expect(await userIdFromToken(token, SECRET)).toBe("user_1");
  });

  it("has no user when the token carries no uid", async () => {
    const token = await encode({ token: { name: "x" }, secret: SECRET });
    expect(await userIdFromToken(token, SECRET)).toBeNull();
  });
});

describe("session cookie names", () => {
  it("reads the __Secure- cookie next-auth sets behind an HTTPS proxy, and the plain one", async () => {
    const token = await encode({ token: { uid: "user_2" }, secret: SECRET });
    expect(await userIdFromCookies([{ name: "__Secure-next-auth.session-token", value: token }], SECRET)).toBe("user_2");
    expect(await userIdFromCookies([{ name: "next-auth.session-token", value: token }], SECRET)).toBe("user_2");
    expect(await userIdFromCookies([{ name: "other", value: token }], SECRET)).toBeNull();
    expect(await userIdFromCookies([], SECRET)).toBeNull();
  });

  it("joins a token next-auth split into .0, .1 chunks, in order", async () => {
    const token = await encode({ token: { uid: "user_3" }, secret: SECRET });
    const cut = Math.floor(token.length / 2);
    const chunks = [
      { name: "__Secure-next-auth.session-token.1", value: token.slice(cut) },
      { name: "__Secure-next-auth.session-token.0", value: token.slice(0, cut) },
    ];
    expect(sessionTokens(chunks)).toEqual([token]);
    expect(await userIdFromCookies(chunks, SECRET)).toBe("user_3");
  });

  it("falls back to the other name when the first cookie does not decode", async () => {
    const token = await encode({ token: { uid: "user_4" }, secret: SECRET });
    const list = [
      { name: "__Secure-next-auth.session-token", value: "stale-garbage" },
      { name: "next-auth.session-token", value: token },
    ];
    expect(await userIdFromCookies(list, SECRET)).toBe("user_4");
  });
});
