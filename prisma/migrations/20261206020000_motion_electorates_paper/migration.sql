-- A motion's electorate may be a body's current members (one vote per person) or the village's
-- representatives; paper votes entered by the committee record their channel, who entered them and
-- at which meeting.

-- AlterEnum
ALTER TYPE "MotionElectorate" ADD VALUE 'BODY_MEMBERS';
ALTER TYPE "MotionElectorate" ADD VALUE 'REPRESENTATIVES';

-- CreateEnum
CREATE TYPE "VoteChannel" AS ENUM ('APP', 'PAPER');

-- AlterTable
ALTER TABLE "Motion" ADD COLUMN "bodyId" TEXT;

-- AlterTable
ALTER TABLE "MotionElector" ALTER COLUMN "householdId" DROP NOT NULL,
ADD COLUMN "householdMemberId" TEXT,
ADD COLUMN "channel" "VoteChannel",
ADD COLUMN "enteredById" TEXT,
ADD COLUMN "meetingId" TEXT;

-- every vote cast before paper ballots existed was cast in the app
UPDATE "MotionElector" SET "channel" = 'APP' WHERE "votedAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "MotionBallot" ADD COLUMN "householdMemberId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MotionElector_motionId_householdMemberId_key" ON "MotionElector"("motionId", "householdMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "MotionBallot_motionId_householdMemberId_key" ON "MotionBallot"("motionId", "householdMemberId");
