-- Notice attachments (photos and PDFs) and each version's list of them; an index for the committee's paged list.
CREATE TYPE "NoticeAttachmentKind" AS ENUM ('PHOTO', 'PDF');

ALTER TABLE "NoticeVersion" ADD COLUMN "attachmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "NoticeAttachment" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "kind" "NoticeAttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "publishedIn" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeAttachment_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "NoticeAttachment_noticeId_idx" ON "NoticeAttachment"("noticeId");

CREATE INDEX "Notice_villageId_pinned_createdAt_idx" ON "Notice"("villageId", "pinned", "createdAt");

ALTER TABLE "NoticeAttachment" ADD CONSTRAINT "NoticeAttachment_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
