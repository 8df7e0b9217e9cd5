-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'HELD');

-- CreateEnum
CREATE TYPE "AttendanceChannel" AS ENUM ('SECRETARY', 'CARD');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "agenda" TEXT[],
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "noticeId" TEXT,
    "minutesNoticeId" TEXT,
    "expected" INTEGER,
    "present" INTEGER,
    "valid" BOOLEAN,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "bodyMemberId" TEXT NOT NULL,
    "householdMemberId" TEXT NOT NULL,
    "channel" "AttendanceChannel" NOT NULL,
    "markedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_villageId_startsAt_idx" ON "Meeting"("villageId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_householdMemberId_key" ON "MeetingAttendance"("meetingId", "householdMemberId");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
