-- CreateEnum
CREATE TYPE "CheckInMethod" AS ENUM ('QR', 'STATIC_QR', 'CARD', 'ROLL_CALL');

-- CreateEnum
CREATE TYPE "StockReason" AS ENUM ('DELIVERY', 'DAMAGE', 'COUNT', 'REDEMPTION', 'REFUND');

-- CreateEnum
CREATE TYPE "PayMethod" AS ENUM ('CODE', 'CARD_PIN');

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "fenPerPoint" INTEGER NOT NULL DEFAULT 100;

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" "RuleCategory" NOT NULL,
    "ruleId" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "geoLat" DOUBLE PRECISION,
    "geoLng" DOUBLE PRECISION,
    "geoRadiusM" INTEGER,
    "capacity" INTEGER,
    "signupRequired" BOOLEAN NOT NULL DEFAULT false,
    "needsApproval" BOOLEAN NOT NULL DEFAULT false,
    "allowStaticCode" BOOLEAN NOT NULL DEFAULT false,
    "secret" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCheckIn" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "method" "CheckInMethod" NOT NULL,
    "userId" TEXT NOT NULL,
    "staffUserId" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "distanceM" INTEGER,
    "awardId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPresence" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "memberId" TEXT,
    "userId" TEXT,
    "method" "CheckInMethod" NOT NULL,
    "staffUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventPresence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSignup" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lowStockThreshold" INTEGER NOT NULL DEFAULT 5,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopKeeper" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopKeeper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopItem" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "pricePoints" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "priceVersion" INTEGER NOT NULL DEFAULT 1,
    "photo" BYTEA,
    "photoType" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockMove" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" "StockReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "userId" TEXT NOT NULL,
    "sourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "receiptNo" TEXT NOT NULL,
    "totalPoints" INTEGER NOT NULL,
    "transactionId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "shopkeeperUserId" TEXT NOT NULL,
    "payMethod" "PayMethod" NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedemptionLine" (
    "id" TEXT NOT NULL,
    "redemptionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitPoints" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refundedQty" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RedemptionLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "redemptionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "approvedById" TEXT,
    "lines" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "yuanCents" INTEGER NOT NULL,
    "paidOn" TIMESTAMP(3) NOT NULL,
    "reference" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdPin" (
    "householdId" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdPin_pkey" PRIMARY KEY ("householdId")
);

-- CreateTable
CREATE TABLE "PaymentCodeUse" (
    "nonce" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentCodeUse_pkey" PRIMARY KEY ("nonce")
);

-- CreateIndex
CREATE INDEX "Event_villageId_startsAt_idx" ON "Event"("villageId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventCheckIn_awardId_key" ON "EventCheckIn"("awardId");

-- CreateIndex
CREATE INDEX "EventCheckIn_eventId_createdAt_idx" ON "EventCheckIn"("eventId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventCheckIn_eventId_householdId_key" ON "EventCheckIn"("eventId", "householdId");

-- CreateIndex
CREATE INDEX "EventPresence_eventId_householdId_idx" ON "EventPresence"("eventId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "EventPresence_eventId_memberId_key" ON "EventPresence"("eventId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_eventId_householdId_key" ON "EventSignup"("eventId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_villageId_name_key" ON "Shop"("villageId", "name");

-- CreateIndex
CREATE INDEX "ShopKeeper_userId_idx" ON "ShopKeeper"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ShopKeeper_shopId_userId_key" ON "ShopKeeper"("shopId", "userId");

-- CreateIndex
CREATE INDEX "ShopItem_shopId_active_idx" ON "ShopItem"("shopId", "active");

-- CreateIndex
CREATE INDEX "StockMove_itemId_createdAt_idx" ON "StockMove"("itemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_receiptNo_key" ON "Redemption"("receiptNo");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_transactionId_key" ON "Redemption"("transactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_idempotencyKey_key" ON "Redemption"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Redemption_householdId_createdAt_idx" ON "Redemption"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "Redemption_shopId_createdAt_idx" ON "Redemption"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_transactionId_key" ON "Refund"("transactionId");

-- CreateIndex
CREATE INDEX "Refund_redemptionId_idx" ON "Refund"("redemptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Settlement_transactionId_key" ON "Settlement"("transactionId");

-- CreateIndex
CREATE INDEX "Settlement_shopId_paidOn_idx" ON "Settlement"("shopId", "paidOn");

-- AddForeignKey
ALTER TABLE "EventCheckIn" ADD CONSTRAINT "EventCheckIn_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPresence" ADD CONSTRAINT "EventPresence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSignup" ADD CONSTRAINT "EventSignup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopItem" ADD CONSTRAINT "ShopItem_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedemptionLine" ADD CONSTRAINT "RedemptionLine_redemptionId_fkey" FOREIGN KEY ("redemptionId") REFERENCES "Redemption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Stock never below zero, prices positive, fen per point sane, capacity and radius positive.
ALTER TABLE "ShopItem" ADD CONSTRAINT "ShopItem_stock_not_negative" CHECK ("stock" >= 0);
ALTER TABLE "ShopItem" ADD CONSTRAINT "ShopItem_price_positive" CHECK ("pricePoints" > 0 AND "pricePoints" <= 100000);
ALTER TABLE "Region" ADD CONSTRAINT "Region_fen_per_point_range" CHECK ("fenPerPoint" BETWEEN 1 AND 100000);
ALTER TABLE "Event" ADD CONSTRAINT "Event_times_ordered" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Event" ADD CONSTRAINT "Event_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);
ALTER TABLE "Event" ADD CONSTRAINT "Event_geofence_complete" CHECK (
  ("geoLat" IS NULL AND "geoLng" IS NULL AND "geoRadiusM" IS NULL) OR
  ("geoLat" BETWEEN -90 AND 90 AND "geoLng" BETWEEN -180 AND 180 AND "geoRadiusM" BETWEEN 10 AND 100000));
ALTER TABLE "Event" ADD CONSTRAINT "Event_static_code_needs_geofence" CHECK (NOT "allowStaticCode" OR "geoRadiusM" IS NOT NULL);
ALTER TABLE "RedemptionLine" ADD CONSTRAINT "RedemptionLine_quantities" CHECK ("quantity" > 0 AND "refundedQty" BETWEEN 0 AND "quantity");
