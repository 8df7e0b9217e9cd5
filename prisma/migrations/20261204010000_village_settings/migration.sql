-- Village settings that keep a second person in the loop (docs/architecture.md, "Village settings"):
-- the 公示 window is at least one day, small check-in awards may skip review only below a threshold
-- the village set, a rule book item is at most maxRulePoints, and every change is recorded.
UPDATE "Region" SET "noticeDays" = 1 WHERE "noticeDays" < 1;
ALTER TABLE "Region" ADD COLUMN "checkInAutoApproveMaxPoints" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Region" ADD COLUMN "maxRulePoints" INTEGER NOT NULL DEFAULT 100;
ALTER TABLE "Region" ADD CONSTRAINT "Region_notice_days_range" CHECK ("noticeDays" BETWEEN 1 AND 30);
ALTER TABLE "Region" ADD CONSTRAINT "Region_auto_approve_range" CHECK ("checkInAutoApproveMaxPoints" BETWEEN 0 AND 1000);
ALTER TABLE "Region" ADD CONSTRAINT "Region_max_rule_points_range" CHECK ("maxRulePoints" BETWEEN 1 AND 1000);

-- Check-in awards are reviewed unless the event (and the village's threshold) says otherwise.
ALTER TABLE "Event" ALTER COLUMN "needsApproval" SET DEFAULT true;

-- A rule book is put forward by the committee and adopted by a supervisor's countersign.
ALTER TABLE "RuleBook" ADD COLUMN "proposedAt" TIMESTAMP(3);
ALTER TABLE "RuleBook" ADD COLUMN "proposedById" TEXT;
ALTER TABLE "RuleBook" ADD COLUMN "countersignedById" TEXT;
ALTER TABLE "RuleBook" ADD COLUMN "refusedAt" TIMESTAMP(3);
ALTER TABLE "RuleBook" ADD COLUMN "refusedById" TEXT;
ALTER TABLE "RuleBook" ADD COLUMN "refusalReason" TEXT;
ALTER TABLE "RuleBook" ADD CONSTRAINT "RuleBook_countersign_other_person" CHECK (
  "countersignedById" IS NULL OR "proposedById" IS NULL OR "countersignedById" <> "proposedById"
);

CREATE TABLE "VillageSettingChange" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "before" INTEGER NOT NULL,
    "after" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VillageSettingChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "VillageSettingChange_villageId_createdAt_idx" ON "VillageSettingChange"("villageId", "createdAt");

ALTER TABLE "VillageSettingChange" ADD CONSTRAINT "VillageSettingChange_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
