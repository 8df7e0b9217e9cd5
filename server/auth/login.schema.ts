/** What the sign-in form sends (phone and password), checked before the credentials are. Client-safe. */
import { z } from "zod";
import { ZPhone } from "@/server/lib/words.schema";

export const ZSignInInput = z.object({
  phone: ZPhone,
  password: z.string().min(1).max(64),
});
export type SignInInput = z.infer<typeof ZSignInInput>;
