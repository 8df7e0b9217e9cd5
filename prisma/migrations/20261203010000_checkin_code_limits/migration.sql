-- Typed check-in codes are six digits: wrong attempts are counted per person and event.
CREATE TABLE "CheckInCodeFailure" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckInCodeFailure_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CheckInCodeFailure_userId_eventKey_createdAt_idx" ON "CheckInCodeFailure"("userId", "eventKey", "createdAt");

-- The geofence trusts the phone's coordinates: keep the accuracy it reported and flag poor or missing ones.
ALTER TABLE "EventCheckIn" ADD COLUMN "accuracyM" INTEGER;
ALTER TABLE "EventCheckIn" ADD COLUMN "positionFlagged" BOOLEAN NOT NULL DEFAULT false;
