-- Store uniques (issue 6): receipt numbers unique per village instead of the "R…@<villageId>" workaround,
-- and one shop per shopkeeper in a village enforced by the database.

-- DropIndex
DROP INDEX "ShopKeeper_userId_idx";

-- DropIndex
DROP INDEX "Redemption_receiptNo_key";

-- Existing receipts stored "<receipt number>@<villageId>": keep the receipt number alone
-- (after the old global index is gone, since plain numbers repeat across villages).
UPDATE "Redemption" SET "receiptNo" = split_part("receiptNo", '@', 1) WHERE strpos("receiptNo", '@') > 0;

-- CreateIndex
CREATE UNIQUE INDEX "ShopKeeper_userId_villageId_key" ON "ShopKeeper"("userId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_villageId_receiptNo_key" ON "Redemption"("villageId", "receiptNo");
