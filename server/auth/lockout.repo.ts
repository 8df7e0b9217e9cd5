/** Sign-in lock-outs (the LoginThrottle table, auth's own) as other modules change them. */
import type { Tx } from "@/server/lib/deps";

/** Deletes the phone's failure counters (its own and its per-address ones), and with them any lock-out on the phone. */
export async function deletePhoneThrottle(tx: Tx, phone: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { OR: [{ key: `phone:${phone}` }, { key: { startsWith: `phone-ip:${phone}|` } }] } });
}
