-- A refund of part of a receipt is its own kind of ledger transaction (REFUND), so that REVERSAL always
-- means "undoes transaction reversesId" (docs/architecture.md, "The ledger"). The rule is checked for new
-- rows; rows written before (partial refunds posted as REVERSAL without reversesId) stay as they were,
-- since the ledger is append-only.
ALTER TYPE "TxKind" ADD VALUE 'REFUND';

ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_reversal_names_original"
  CHECK (("kind" = 'REVERSAL') = ("reversesId" IS NOT NULL)) NOT VALID;
