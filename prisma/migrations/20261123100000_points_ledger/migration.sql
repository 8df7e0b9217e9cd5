-- CreateEnum
CREATE TYPE "RuleCategory" AS ENUM ('LAW_ABIDING', 'HARD_WORK', 'FILIAL', 'CUSTOMS', 'PUBLIC_GOOD', 'ENVIRONMENT', 'SAFETY', 'REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "RuleBookStatus" AS ENUM ('DRAFT', 'ADOPTED', 'RETIRED');

-- CreateEnum
CREATE TYPE "CapPeriod" AS ENUM ('MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'IN_NOTICE', 'OVERTURNED', 'FINAL', 'REVERSED');

-- CreateEnum
CREATE TYPE "AwardSource" AS ENUM ('MANUAL', 'BATCH', 'CHECKIN', 'REPORT');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('HOUSEHOLD', 'SHOP', 'ISSUANCE', 'SETTLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TxKind" AS ENUM ('AWARD', 'DEDUCTION', 'REDEMPTION', 'REVERSAL', 'EXPIRY', 'SETTLEMENT');

-- CreateTable
CREATE TABLE "RuleBook" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "RuleBookStatus" NOT NULL DEFAULT 'DRAFT',
    "basedOnId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "adoptedAt" TIMESTAMP(3),
    "adoptedById" TEXT,
    "adoptedBy" TEXT,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "RuleBook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "ruleBookId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "category" "RuleCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "points" INTEGER NOT NULL,
    "capPeriod" "CapPeriod",
    "capCount" INTEGER,
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleBookId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "memberId" TEXT,
    "source" "AwardSource" NOT NULL DEFAULT 'MANUAL',
    "sourceId" TEXT,
    "batchKey" TEXT,
    "status" "AwardStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "noticeBatchId" TEXT,
    "finalAt" TIMESTAMP(3),
    "transactionId" TEXT,
    "reversalTxId" TEXT,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeBatch" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "finalizedAt" TIMESTAMP(3),

    CONSTRAINT "NoticeBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "ruledById" TEXT,
    "ruledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelatedHousehold" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelatedHousehold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "householdId" TEXT,
    "shopId" TEXT,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "TxKind" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sourceType" TEXT,
    "sourceId" TEXT,
    "ruleId" TEXT,
    "ruleBookId" TEXT,
    "actorUserId" TEXT NOT NULL,
    "memberId" TEXT,
    "proxyUserId" TEXT,
    "reason" TEXT NOT NULL,
    "reversesId" TEXT,
    "scoring" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerPosting" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerPosting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RuleBook_villageId_status_idx" ON "RuleBook"("villageId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RuleBook_villageId_version_key" ON "RuleBook"("villageId", "version");

-- CreateIndex
CREATE INDEX "Rule_villageId_idx" ON "Rule"("villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_ruleBookId_code_key" ON "Rule"("ruleBookId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Award_transactionId_key" ON "Award"("transactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_reversalTxId_key" ON "Award"("reversalTxId");

-- CreateIndex
CREATE INDEX "Award_villageId_status_idx" ON "Award"("villageId", "status");

-- CreateIndex
CREATE INDEX "Award_householdId_status_idx" ON "Award"("householdId", "status");

-- CreateIndex
CREATE INDEX "Award_noticeBatchId_idx" ON "Award"("noticeBatchId");

-- CreateIndex
CREATE INDEX "Award_sourceId_idx" ON "Award"("sourceId");

-- CreateIndex
CREATE INDEX "NoticeBatch_villageId_closesAt_idx" ON "NoticeBatch"("villageId", "closesAt");

-- CreateIndex
CREATE INDEX "NoticeBatch_finalizedAt_closesAt_idx" ON "NoticeBatch"("finalizedAt", "closesAt");

-- CreateIndex
CREATE INDEX "Objection_villageId_status_idx" ON "Objection"("villageId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_awardId_userId_key" ON "Objection"("awardId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RelatedHousehold_userId_householdId_key" ON "RelatedHousehold"("userId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_householdId_key" ON "LedgerAccount"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_shopId_key" ON "LedgerAccount"("shopId");

-- CreateIndex
CREATE INDEX "LedgerAccount_villageId_kind_idx" ON "LedgerAccount"("villageId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_idempotencyKey_key" ON "LedgerTransaction"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_reversesId_key" ON "LedgerTransaction"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerTransaction_sourceType_sourceId_idx" ON "LedgerTransaction"("sourceType", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_villageId_seq_key" ON "LedgerTransaction"("villageId", "seq");

-- CreateIndex
CREATE INDEX "LedgerPosting_accountId_createdAt_idx" ON "LedgerPosting"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerPosting_transactionId_idx" ON "LedgerPosting"("transactionId");

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_ruleBookId_fkey" FOREIGN KEY ("ruleBookId") REFERENCES "RuleBook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_noticeBatchId_fkey" FOREIGN KEY ("noticeBatchId") REFERENCES "NoticeBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerPosting" ADD CONSTRAINT "LedgerPosting_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerPosting" ADD CONSTRAINT "LedgerPosting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ───────── What Prisma cannot express: the ledger's guarantees, enforced by the database ─────────

-- Exactly one adopted rule book per village.
CREATE UNIQUE INDEX "RuleBook_one_adopted_per_village" ON "RuleBook" ("villageId") WHERE "status" = 'ADOPTED';

-- One ISSUANCE / SETTLED / EXPIRED account per village.
CREATE UNIQUE INDEX "LedgerAccount_one_village_account" ON "LedgerAccount" ("villageId", "kind")
  WHERE "kind" IN ('ISSUANCE', 'SETTLED', 'EXPIRED');

-- A household/shop account belongs to exactly what its kind says.
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_owner_matches_kind" CHECK (
  ("kind" = 'HOUSEHOLD' AND "householdId" IS NOT NULL AND "shopId" IS NULL) OR
  ("kind" = 'SHOP' AND "shopId" IS NOT NULL AND "householdId" IS NULL) OR
  ("kind" IN ('ISSUANCE', 'SETTLED', 'EXPIRED') AND "householdId" IS NULL AND "shopId" IS NULL));

-- Only household and shop accounts carry a cached balance; a shop's can never go below zero.
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_balance_cached_only" CHECK (
  "kind" IN ('HOUSEHOLD', 'SHOP') OR "balance" = 0);
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_shop_not_negative" CHECK (
  "kind" <> 'SHOP' OR "balance" >= 0);

ALTER TABLE "LedgerPosting" ADD CONSTRAINT "LedgerPosting_points_not_zero" CHECK ("points" <> 0);
ALTER TABLE "Award" ADD CONSTRAINT "Award_points_not_zero" CHECK ("points" <> 0);
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_points_not_zero" CHECK ("points" <> 0 AND "points" BETWEEN -10000 AND 10000);

-- Append-only: no UPDATE or DELETE of ledger rows, ever. Mistakes are undone by a REVERSAL.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "LedgerTransaction_append_only" BEFORE UPDATE OR DELETE ON "LedgerTransaction"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "LedgerPosting_append_only" BEFORE UPDATE OR DELETE ON "LedgerPosting"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "LedgerTransaction_no_truncate" BEFORE TRUNCATE ON "LedgerTransaction"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "LedgerPosting_no_truncate" BEFORE TRUNCATE ON "LedgerPosting"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();

-- Balanced: at commit, every transaction has at least two postings summing to zero.
CREATE FUNCTION "ledger_check_balanced"() RETURNS trigger AS $$
DECLARE
  total BIGINT;
  n INT;
BEGIN
  SELECT COALESCE(SUM("points"), 0), COUNT(*) INTO total, n FROM "LedgerPosting" WHERE "transactionId" = NEW."transactionId";
  IF total <> 0 OR n < 2 THEN
    RAISE EXCEPTION 'ledger transaction % is not balanced (sum %, % postings)', NEW."transactionId", total, n
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "LedgerPosting_balanced" AFTER INSERT ON "LedgerPosting"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balanced"();
