-- Members leave instead of vanishing; what cites a member gets a real foreign key; pending account
-- links; notifications.

CREATE TYPE "MemberStatus" AS ENUM ('ACTIVE', 'LEFT');

ALTER TABLE "HouseholdMember" ADD COLUMN "pendingUserId" TEXT,
ADD COLUMN "pendingSince" TIMESTAMP(3),
ADD COLUMN "status" "MemberStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN "leftAt" TIMESTAMP(3);

CREATE INDEX "HouseholdMember_pendingUserId_idx" ON "HouseholdMember"("pendingUserId");

ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_pendingUserId_fkey" FOREIGN KEY ("pendingUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Members deleted by the old removeMember come back, as LEFT on the day they were removed, from what
-- the audit trail kept of them (household, name, relation).
INSERT INTO "HouseholdMember" ("id", "householdId", "name", "relation", "status", "leftAt", "createdAt")
SELECT DISTINCT ON (a."entityId")
  a."entityId", a."before"->>'householdId', COALESCE(NULLIF(a."before"->>'name', ''), '?'),
  COALESCE(a."before"->>'relation', 'OTHER')::"Relation", 'LEFT', a."createdAt", a."createdAt"
FROM "AuditLog" a
WHERE a."action" = 'household.removeMember' AND a."entity" = 'HouseholdMember'
  AND a."before"->>'relation' IS DISTINCT FROM 'HEAD'
  AND NOT EXISTS (SELECT 1 FROM "HouseholdMember" m WHERE m."id" = a."entityId")
  AND EXISTS (SELECT 1 FROM "Household" h WHERE h."id" = a."before"->>'householdId')
ORDER BY a."entityId", a."createdAt";

-- Any member still cited but gone without an audit row: a LEFT placeholder in the citing row's household.
INSERT INTO "HouseholdMember" ("id", "householdId", "name", "relation", "status", "leftAt", "createdAt")
SELECT DISTINCT ON (c."memberId") c."memberId", c."householdId", '?', 'OTHER', 'LEFT', c."at", c."at"
FROM (
  SELECT "memberId", "householdId", "proposedAt" AS "at" FROM "Award" WHERE "memberId" IS NOT NULL
  UNION ALL
  SELECT "memberId", "householdId", "createdAt" FROM "EventPresence" WHERE "memberId" IS NOT NULL
  UNION ALL
  SELECT t."memberId", la."householdId", t."createdAt"
  FROM "LedgerTransaction" t
  JOIN "LedgerPosting" p ON p."transactionId" = t."id"
  JOIN "LedgerAccount" la ON la."id" = p."accountId" AND la."householdId" IS NOT NULL
  WHERE t."memberId" IS NOT NULL
) c
WHERE NOT EXISTS (SELECT 1 FROM "HouseholdMember" m WHERE m."id" = c."memberId")
ORDER BY c."memberId", c."at";

ALTER TABLE "Award" ADD CONSTRAINT "Award_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "HouseholdMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "HouseholdMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "EventPresence" ADD CONSTRAINT "EventPresence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "HouseholdMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "householdId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

CREATE INDEX "Notification_householdId_createdAt_idx" ON "Notification"("householdId", "createdAt");

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;
