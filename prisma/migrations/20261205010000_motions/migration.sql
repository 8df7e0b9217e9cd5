-- CreateEnum
CREATE TYPE "MotionStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "MotionElectorate" AS ENUM ('VILLAGE_HOUSEHOLDS');

-- CreateTable
CREATE TABLE "Motion" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT[],
    "electorate" "MotionElectorate" NOT NULL DEFAULT 'VILLAGE_HOUSEHOLDS',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "validityRule" JSONB NOT NULL,
    "decisionRule" JSONB NOT NULL,
    "status" "MotionStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "result" JSONB,
    "resultNoticeId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MotionElector" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "votedAt" TIMESTAMP(3),
    "voterUserId" TEXT,

    CONSTRAINT "MotionElector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MotionBallot" (
    "id" TEXT NOT NULL,
    "motionId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "householdId" TEXT,

    CONSTRAINT "MotionBallot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Motion_villageId_status_idx" ON "Motion"("villageId", "status");

-- CreateIndex
CREATE INDEX "Motion_status_closesAt_idx" ON "Motion"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "MotionElector_motionId_householdId_key" ON "MotionElector"("motionId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MotionBallot_motionId_householdId_key" ON "MotionBallot"("motionId", "householdId");

-- CreateIndex
CREATE INDEX "MotionBallot_motionId_option_idx" ON "MotionBallot"("motionId", "option");

-- AddForeignKey
ALTER TABLE "MotionElector" ADD CONSTRAINT "MotionElector_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionBallot" ADD CONSTRAINT "MotionBallot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An open motion has its opening time; a closed one has its closing record.
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_status_times" CHECK (
  ("status" = 'DRAFT' AND "opensAt" IS NULL AND "closedAt" IS NULL) OR
  ("status" = 'OPEN' AND "opensAt" IS NOT NULL AND "closedAt" IS NULL) OR
  ("status" = 'CLOSED' AND "opensAt" IS NOT NULL AND "closedAt" IS NOT NULL));
