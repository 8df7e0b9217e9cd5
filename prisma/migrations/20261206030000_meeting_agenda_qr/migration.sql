-- AlterEnum
ALTER TYPE "BodyKind" ADD VALUE 'ASSEMBLY' BEFORE 'OTHER';

-- AlterEnum
ALTER TYPE "AttendanceChannel" ADD VALUE 'QR';

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "motionId" TEXT,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAgendaItem_pkey" PRIMARY KEY ("id")
);

-- The free-text agenda becomes rows, in order.
INSERT INTO "MeetingAgendaItem" ("id", "meetingId", "villageId", "position", "text")
SELECT gen_random_uuid()::text, m."id", m."villageId", (a.ord - 1)::int, a.text
FROM "Meeting" m, unnest(m."agenda") WITH ORDINALITY AS a(text, ord);

-- AlterTable
ALTER TABLE "Meeting" DROP COLUMN "agenda";
ALTER TABLE "Meeting" ADD COLUMN "secret" TEXT;
UPDATE "Meeting" SET "secret" = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
ALTER TABLE "Meeting" ALTER COLUMN "secret" SET NOT NULL;

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_meetingId_position_idx" ON "MeetingAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_villageId_idx" ON "MeetingAgendaItem"("villageId");

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
