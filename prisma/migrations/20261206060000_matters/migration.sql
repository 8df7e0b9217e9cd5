-- CreateEnum
CREATE TYPE "MatterCategory" AS ENUM ('ROADS', 'WATER', 'ENVIRONMENT', 'NEIGHBOURS', 'SECURITY', 'SUGGESTION', 'OTHER');

-- CreateEnum
CREATE TYPE "MatterStatus" AS ENUM ('OPEN', 'ANSWERED', 'DECLINED', 'ON_AGENDA', 'DONE');

-- CreateEnum
CREATE TYPE "MatterRatingValue" AS ENUM ('SATISFIED', 'BASIC', 'UNSATISFIED');

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "matterAnswerDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "matterSupportThreshold" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "Matter" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "gridId" TEXT,
    "raisedById" TEXT NOT NULL,
    "proxyUserId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" "MatterCategory" NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" "MatterStatus" NOT NULL DEFAULT 'OPEN',
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "answer" TEXT,
    "declineReason" TEXT,
    "meetingId" TEXT,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),
    "decision" TEXT,
    "outcome" TEXT,
    "doneById" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Matter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatterSupport" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "matterId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "proxyUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatterSupport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatterRating" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "matterId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "rating" "MatterRatingValue" NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "proxyUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatterRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatterPhoto" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "matterId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatterPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Matter_villageId_status_createdAt_idx" ON "Matter"("villageId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Matter_villageId_gridId_status_idx" ON "Matter"("villageId", "gridId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Matter_villageId_id_key" ON "Matter"("villageId", "id");

-- CreateIndex
CREATE INDEX "MatterSupport_villageId_matterId_createdAt_idx" ON "MatterSupport"("villageId", "matterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MatterSupport_villageId_matterId_householdId_key" ON "MatterSupport"("villageId", "matterId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MatterRating_villageId_matterId_householdId_key" ON "MatterRating"("villageId", "matterId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MatterPhoto_villageId_matterId_position_key" ON "MatterPhoto"("villageId", "matterId", "position");

