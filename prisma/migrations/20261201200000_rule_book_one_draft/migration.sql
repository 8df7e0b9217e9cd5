-- One draft rule book per village, enforced by the database: createDraft checks for a draft and then picks
-- max(version)+1, so a third request that read the draft list before a concurrent draft committed, and the
-- version after, could add a second draft (seen on PostgreSQL in tests/integration/rule.int.test.ts).
CREATE UNIQUE INDEX "RuleBook_one_draft_per_village" ON "RuleBook" ("villageId") WHERE "status" = 'DRAFT';
