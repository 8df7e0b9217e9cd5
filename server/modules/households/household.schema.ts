import { z } from "zod";
import { ZId, ZPhone, ZPassword } from "@/server/lib/words.schema";

export const RELATIONS = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "CHILD_IN_LAW",
  "PARENT",
  "GRANDPARENT",
  "GRANDCHILD",
  "SIBLING",
  "OTHER",
] as const;
export const ZRelation = z.enum(RELATIONS);
export const ZMemberRelation = z.enum(RELATIONS.filter((r) => r !== "HEAD") as [string, ...string[]]);

export const ZHouseholdNumber = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[0-9A-Za-z-]+$/, { message: "validation.householdNumber" });
export const ZHeadName = z.string().trim().min(1).max(20);
export const ZAddress = z.string().trim().max(100);

export const ZHouseholdListInput = z.object({
  query: z.string().trim().max(20).optional(),
  gridId: ZId.optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  /** How many rows to skip (the infinite list passes the count already loaded). */
  cursor: z.number().int().min(0).max(1_000_000).nullish(),
  take: z.number().int().min(1).max(100).default(30),
});
export type HouseholdListInput = z.infer<typeof ZHouseholdListInput>;

export const ZHouseholdCreateInput = z.object({
  number: ZHouseholdNumber,
  headName: ZHeadName,
  address: ZAddress.default(""),
  gridId: ZId.nullish(),
});
export type HouseholdCreateInput = z.infer<typeof ZHouseholdCreateInput>;

export const ZHouseholdUpdateInput = z.object({
  id: ZId,
  number: ZHouseholdNumber.optional(),
  headName: ZHeadName.optional(),
  address: ZAddress.optional(),
  gridId: ZId.nullish(),
});
export type HouseholdUpdateInput = z.infer<typeof ZHouseholdUpdateInput>;

export const ZHouseholdStatusInput = z.object({ id: ZId, status: z.enum(["ACTIVE", "INACTIVE"]) });

export const ZAddMemberInput = z.object({
  householdId: ZId,
  name: z.string().trim().min(1).max(20),
  relation: ZMemberRelation,
});

export const ZRemoveMemberInput = z.object({ memberId: ZId });

/** One household; `includeLeft` also lists the members who left (the household's history). */
export const ZHouseholdGetInput = z.object({ id: ZId, includeLeft: z.boolean().optional() });

/** The account holder's answer to a request to link their account to a household member. */
export const ZAnswerLinkInput = z.object({ memberId: ZId, accept: z.boolean() });

/** The committee clears a household's card PIN; the reason is shown to the household. */
export const ZResetPinInput = z.object({ householdId: ZId, reason: z.string().trim().min(2).max(200) });

/** Link a member to a phone account: an existing one, or a new one when a password is given. */
export const ZLinkMemberInput = z.object({
  memberId: ZId,
  phone: ZPhone.nullable(),
  password: ZPassword.optional(),
});

/** The largest register file accepted (checked in the browser before sending, and again on the server). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** At most this many data rows per file. */
export const IMPORT_MAX_ROWS = 5000;
/**
 * An .xlsx is a zip: a 165 KB file can unpack to hundreds of MB. Its declared unpacked size is checked
 * before anything is unzipped; a 5,000-row register unpacks to about 1 MB.
 */
export const IMPORT_MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/**
 * 5 MB of file is ~6.7 MB of base64. The string limit leaves 1 MB of slack so a file slightly over
 * 5 MB still reaches the service and gets IMPORT_TOO_LARGE with its size; far bigger ones stop here.
 */
export const ZImportInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 8 + 1024 * 1024, { message: "validation.fileTooLarge" }),
  dryRun: z.boolean().default(false),
});
export type ImportInput = z.infer<typeof ZImportInput>;

/** One rejected row of an import: its line number in the file and what is wrong (catalogue keys). */
export type ImportRowError = { row: number; number: string; problems: { key: string; params?: Record<string, string> }[] };
/** The `detail` of an IMPORT_HAS_ERRORS error (tRPC `error.data.detail`): at most 200 rows are listed. */
export type ImportErrorDetail = { rows: ImportRowError[]; errorCount: number; total: number };
/** What household.import returns. */
export type ImportResult = { imported: number; checked: number; members: number; dryRun: boolean };
