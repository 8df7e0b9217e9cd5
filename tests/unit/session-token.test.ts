import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { userIdFromToken } from "@/server/auth/session";

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
