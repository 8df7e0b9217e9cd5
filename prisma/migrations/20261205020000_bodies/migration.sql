-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('COMMITTEE', 'SUPERVISORY', 'REPRESENTATIVES', 'DELIBERATION', 'CUSTOMS', 'WOMEN', 'MEDIATION', 'POINTS_REVIEW', 'OTHER');

-- CreateEnum
CREATE TYPE "BodyRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'COMMISSIONER', 'MEMBER');

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyMember" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdMemberId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "userId" TEXT,
    "role" "BodyRole" NOT NULL,
    "termStart" DATE NOT NULL,
    "termEnd" DATE,
    "endedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Body_villageId_kind_idx" ON "Body"("villageId", "kind");

-- CreateIndex
CREATE INDEX "BodyMember_bodyId_idx" ON "BodyMember"("bodyId");

-- CreateIndex
CREATE INDEX "BodyMember_villageId_householdMemberId_idx" ON "BodyMember"("villageId", "householdMemberId");

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A term ends on or after the day it starts.
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_term_order" CHECK ("termEnd" IS NULL OR "termEnd" >= "termStart");
