-- Closing a motion early and cancelling one need a committee request and a supervisor's confirmation.
-- AlterEnum (the new value is not used in this migration, so it may run inside one transaction)
ALTER TYPE "MotionStatus" ADD VALUE 'CANCELLED';

-- CreateEnum
CREATE TYPE "MotionRequestKind" AS ENUM ('EARLY_CLOSE', 'CANCEL');

-- CreateEnum
CREATE TYPE "MotionRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REFUSED', 'WITHDRAWN', 'LAPSED');

-- CreateTable
CREATE TABLE "MotionRequest" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "kind" "MotionRequestKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "MotionRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "MotionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MotionRequest_villageId_status_idx" ON "MotionRequest"("villageId", "status");

-- CreateIndex
CREATE INDEX "MotionRequest_motionId_idx" ON "MotionRequest"("motionId");

-- At most one pending request per motion (not expressible in schema.prisma)
CREATE UNIQUE INDEX "MotionRequest_one_pending_per_motion" ON "MotionRequest"("motionId") WHERE "status" = 'PENDING';

-- AddForeignKey
ALTER TABLE "MotionRequest" ADD CONSTRAINT "MotionRequest_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A cancelled motion has its cancelling time in "closedAt" (a draft cancelled was never opened). The new
-- enum value is compared as text: it cannot be used as an enum literal in the transaction that adds it.
ALTER TABLE "Motion" DROP CONSTRAINT "Motion_status_times";
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_status_times" CHECK (
  ("status" = 'DRAFT' AND "opensAt" IS NULL AND "closedAt" IS NULL) OR
  ("status" = 'OPEN' AND "opensAt" IS NOT NULL AND "closedAt" IS NULL) OR
  ("status" = 'CLOSED' AND "opensAt" IS NOT NULL AND "closedAt" IS NOT NULL) OR
  ("status"::text = 'CANCELLED' AND "closedAt" IS NOT NULL));
