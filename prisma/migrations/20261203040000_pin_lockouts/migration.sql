-- Repeated PIN lock-outs last longer each time: count them.
ALTER TABLE "HouseholdPin" ADD COLUMN "lockouts" INTEGER NOT NULL DEFAULT 0;
