-- Revocable sessions: the session token carries the user's version; bumping it signs out every device.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
