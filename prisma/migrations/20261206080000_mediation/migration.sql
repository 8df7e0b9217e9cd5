-- 人民调解 (mediation): cases, their party households, mediators and sessions.

-- CreateEnum
CREATE TYPE "MediationType" AS ENUM ('NEIGHBOR', 'FAMILY', 'LAND', 'SUPPORT', 'DAMAGES', 'OTHER');

-- CreateEnum
CREATE TYPE "MediationStatus" AS ENUM ('OPEN', 'RESOLVED', 'REFERRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MediationSourceKind" AS ENUM ('MATTER', 'REPORT');

-- CreateEnum
CREATE TYPE "MediationMediatorKind" AS ENUM ('BODY_MEMBER', 'GRID_WORKER');

-- CreateEnum
CREATE TYPE "MediationConfirmChannel" AS ENUM ('APP', 'PAPER');

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "type" "MediationType" NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "MediationStatus" NOT NULL DEFAULT 'OPEN',
    "sourceKind" "MediationSourceKind",
    "sourceId" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "openedById" TEXT NOT NULL,
    "agreement" TEXT,
    "agreedAt" TIMESTAMP(3),
    "agreedById" TEXT,
    "referralReason" TEXT,
    "withdrawReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "followUpAt" TIMESTAMP(3),
    "followUpNotes" TEXT,
    "followUpById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "confirmChannel" "MediationConfirmChannel",

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationMediator" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MediationMediatorKind" NOT NULL,

    CONSTRAINT "MediationMediator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationSession" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "attendedHouseholdIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "recordedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MediationCase_villageId_status_openedAt_idx" ON "MediationCase"("villageId", "status", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_villageId_id_key" ON "MediationCase"("villageId", "id");

-- CreateIndex
CREATE INDEX "MediationParty_villageId_householdId_idx" ON "MediationParty"("villageId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationParty_villageId_caseId_householdId_key" ON "MediationParty"("villageId", "caseId", "householdId");

-- CreateIndex
CREATE INDEX "MediationMediator_villageId_userId_idx" ON "MediationMediator"("villageId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationMediator_villageId_caseId_userId_key" ON "MediationMediator"("villageId", "caseId", "userId");

-- CreateIndex
CREATE INDEX "MediationSession_villageId_caseId_startsAt_idx" ON "MediationSession"("villageId", "caseId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediationSession_villageId_id_key" ON "MediationSession"("villageId", "id");

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationMediator" ADD CONSTRAINT "MediationMediator_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
