/** Helpers to recognise database errors without importing Prisma's runtime into services. */
type PrismaLike = { code?: string; meta?: { target?: unknown; modelName?: string } };

/** A unique index was violated (Prisma P2002). `fields` narrows to a particular index. */
export function isUniqueViolation(e: unknown, fields?: string[]): boolean {
  const err = e as PrismaLike;
  if (err?.code !== "P2002") return false;
  if (!fields) return true;
  const target = err.meta?.target;
  const text = Array.isArray(target) ? target.join(",") : String(target ?? "");
  return fields.every((f) => text.includes(f));
}

/** A row the update or delete needed was not there (Prisma P2025). */
export function isRecordMissing(e: unknown): boolean {
  return (e as PrismaLike)?.code === "P2025";
}
