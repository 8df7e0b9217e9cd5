-- A relation is either declared by the supervisor, or proposed by the committee and then confirmed or
-- disputed by the supervisor. Rows written before this were declarations (or committee declarations
-- that took effect at once), so they stay DECLARED.
CREATE TYPE "RelationStatus" AS ENUM ('DECLARED', 'PROPOSED', 'CONFIRMED', 'DISPUTED');

ALTER TABLE "RelatedHousehold"
  ADD COLUMN "status" "RelationStatus" NOT NULL DEFAULT 'DECLARED',
  ADD COLUMN "proposedById" TEXT,
  ADD COLUMN "answeredAt" TIMESTAMP(3);

CREATE INDEX "RelatedHousehold_villageId_status_idx" ON "RelatedHousehold"("villageId", "status");
