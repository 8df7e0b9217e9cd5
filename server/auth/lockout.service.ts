/** What other modules may do to sign-in lock-outs. */
import type { Tx } from "@/server/lib/deps";
import { deletePhoneThrottle } from "./lockout.repo";

/**
 * Lifts a lock-out on the phone (a committee's password reset does, so the person can sign in with the
 * new password at once), inside the caller's transaction.
 */
export async function liftPhoneLockout(tx: Tx, phone: string): Promise<void> {
  await deletePhoneThrottle(tx, phone);
}
