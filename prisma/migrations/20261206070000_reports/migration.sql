-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'DUPLICATE');

-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('GOOD_DEED', 'ENVIRONMENT', 'SAFETY', 'FACILITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportPlaceSource" AS ENUM ('GPS', 'PICKED');

-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "proxyUserId" TEXT;

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "reporterUserId" TEXT NOT NULL,
    "proxyUserId" TEXT,
    "category" "ReportCategory" NOT NULL,
    "text" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "accuracyM" INTEGER,
    "placeSource" "ReportPlaceSource" NOT NULL,
    "farFromVillage" BOOLEAN NOT NULL DEFAULT false,
    "gridId" TEXT,
    "landmarkId" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "duplicateOfId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "ruleId" TEXT,
    "awardId" TEXT,
    "requestKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPhoto" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "sort" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ReportPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Landmark" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Landmark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_villageId_status_createdAt_idx" ON "Report"("villageId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_villageId_householdId_createdAt_idx" ON "Report"("villageId", "householdId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_villageId_lat_lng_idx" ON "Report"("villageId", "lat", "lng");

-- CreateIndex
CREATE UNIQUE INDEX "Report_villageId_requestKey_key" ON "Report"("villageId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "Report_villageId_awardId_key" ON "Report"("villageId", "awardId");

-- CreateIndex
CREATE INDEX "ReportPhoto_reportId_idx" ON "ReportPhoto"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPhoto_villageId_reportId_sort_key" ON "ReportPhoto"("villageId", "reportId", "sort");

-- CreateIndex
CREATE UNIQUE INDEX "Landmark_villageId_name_key" ON "Landmark"("villageId", "name");

-- AddForeignKey
ALTER TABLE "ReportPhoto" ADD CONSTRAINT "ReportPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A position is both coordinates or neither, inside the valid range (zod refuses first; this is the floor).
ALTER TABLE "Report" ADD CONSTRAINT "Report_position_check" CHECK (
  ("lat" IS NULL) = ("lng" IS NULL)
  AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180))
);
ALTER TABLE "Landmark" ADD CONSTRAINT "Landmark_position_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180);
-- Only an accepted report cites an award; only a duplicate names the earlier report.
ALTER TABLE "Report" ADD CONSTRAINT "Report_status_check" CHECK (
  ("awardId" IS NULL OR "status" = 'ACCEPTED') AND ("duplicateOfId" IS NULL OR "status" = 'DUPLICATE')
);
