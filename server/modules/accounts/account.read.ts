/**
 * People's display names by user id, for the modules that show who proposed, approved, adopted or
 * checked someone in. Names only: never phone numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

export async function userNames(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/**
 * What sign-in (server/auth/login.service.ts) needs to check a password: the hash stays inside the
 * server, and the places the person works or lives in say whose audit trail a failed attempt goes to.
 */
export async function signInAccount(db: Db | Tx, phone: string) {
  const u = await db.user.findUnique({
    where: { phone },
    select: {
      id: true,
      passwordHash: true,
      active: true,
      sessionVersion: true,
      memberships: { where: { active: true }, select: { regionId: true }, take: 10 },
    },
  });
  if (!u) return null;
  return {
    id: u.id,
    passwordHash: u.passwordHash,
    active: u.active,
    sessionVersion: u.sessionVersion,
    regionIds: [...new Set(u.memberships.map((m) => m.regionId))],
  };
}
