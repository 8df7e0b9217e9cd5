/** Sign-in lock-outs (the LoginThrottle table, auth's own) as other modules change them. */
import type { Tx } from "@/server/lib/deps";

/** Deletes the phone's failure counter, and with it any lock-out on the phone. */
export async function deletePhoneThrottle(tx: Tx, phone: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key: `phone:${phone}` } });
}
