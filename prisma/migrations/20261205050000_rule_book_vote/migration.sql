-- AlterTable
ALTER TABLE "RuleBook" ADD COLUMN     "adoptedByMotionId" TEXT;

-- AlterTable
ALTER TABLE "Motion" ADD COLUMN     "ruleBookId" TEXT;

-- CreateIndex
CREATE INDEX "Motion_ruleBookId_idx" ON "Motion"("ruleBookId");
