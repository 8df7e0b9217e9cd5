/**
 * The one way a person gets an account: households (linking a member to a new phone) and regions
 * (a new village's first committee member) call these instead of writing User rows themselves.
 */
import type { Role } from "@/server/db/generated/enums";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { maskPhone } from "@/server/lib/words.schema";
import * as repo from "./person.repo";

/** A new person, with the password already hashed (hash outside the transaction: it takes ~30 ms). */
export type NewPerson = { phone: string; name: string; passwordHash: string };

export async function newPerson(input: { phone: string; name: string; password: string }): Promise<NewPerson> {
  return { phone: input.phone, name: input.name, passwordHash: await hashPassword(input.password) };
}

export function phoneTaken(phone: string): DomainError {
  return new DomainError("PHONE_TAKEN", { phone: maskPhone(phone) });
}

/**
 * Creates the account, with its first role when given. Throws PHONE_TAKEN when the phone already has
 * an account. Two requests racing for one phone: the unique index refuses the second, which aborts the
 * caller's transaction; the caller passes what it caught through phoneTakenOr.
 */
export async function createPerson(tx: Tx, person: NewPerson, role?: { regionId: string; role: Role; gridId?: string | null }) {
  if (await repo.userIdByPhone(tx, person.phone)) throw phoneTaken(person.phone);
  const u = await repo.insertUser(tx, person);
  if (role) await repo.upsertMembership(tx, { userId: u.id, ...role });
  return { id: u.id };
}

/** What a caller of createPerson rethrows: PHONE_TAKEN for the phone's unique index, else the error itself. */
export function phoneTakenOr(e: unknown, phone: string): unknown {
  return isUniqueViolation(e) ? phoneTaken(phone) : e;
}

/** The account of a phone number, if any (its id only). */
export function accountIdByPhone(db: Db | Tx, phone: string): Promise<string | null> {
  return repo.userIdByPhone(db, phone);
}

/** Gives the person the role in the region (turning it back on when it had been switched off). */
export async function grantRole(tx: Tx, m: { userId: string; regionId: string; role: Role; gridId?: string | null }) {
  await repo.upsertMembership(tx, m);
}
