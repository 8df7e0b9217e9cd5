-- The audit trail becomes append-only and hash-chained per region, like the ledger (docs/architecture.md,
-- "The audit trail"). A BEFORE INSERT trigger numbers each new row in its region's chain and computes its
-- hash, so every writer (Prisma's create, the check-in statement's CTE) stays a plain INSERT and cannot
-- choose seq, prevHash or hash itself. server/modules/audit/audit.verify.ts recomputes the same text.

ALTER TABLE "AuditLog" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "prevHash" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "hash" TEXT NOT NULL DEFAULT '';

-- The canonical text: a JSON array of the fields in this order; before/after are embedded as JSON strings
-- holding their jsonb text (PostgreSQL's normal form), createdAt as an ISO instant with milliseconds.
CREATE FUNCTION "audit_hash"(
  p_prev text, p_region text, p_seq int, p_actor text, p_role text, p_action text, p_entity text,
  p_entity_id text, p_before jsonb, p_after jsonb, p_created_at timestamp(3)
) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN encode(sha256(convert_to(
    '[' || to_json(p_prev)::text
    || ',' || coalesce(to_json(p_region)::text, 'null')
    || ',' || p_seq::text
    || ',' || coalesce(to_json(p_actor)::text, 'null')
    || ',' || coalesce(to_json(p_role)::text, 'null')
    || ',' || to_json(p_action)::text
    || ',' || to_json(p_entity)::text
    || ',' || to_json(p_entity_id)::text
    || ',' || coalesce(to_json(p_before::text)::text, 'null')
    || ',' || coalesce(to_json(p_after::text)::text, 'null')
    || ',' || to_json(to_char(p_created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
    || ']',
    'UTF8')), 'hex');
END
$$;

-- Chain the rows written before this migration, region by region, in the order they were written.
DO $$
DECLARE
  r record;
  v_region text := NULL;
  v_first boolean := true;
  v_seq int := 0;
  v_prev text := 'GENESIS';
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "regionId" NULLS FIRST, "createdAt", "id" LOOP
    IF v_first OR r."regionId" IS DISTINCT FROM v_region THEN
      v_region := r."regionId";
      v_first := false;
      v_seq := 0;
      v_prev := 'GENESIS';
    END IF;
    v_seq := v_seq + 1;
    UPDATE "AuditLog" SET "seq" = v_seq, "prevHash" = v_prev,
      "hash" = "audit_hash"(v_prev, r."regionId", v_seq, r."actorUserId", r."actorRole"::text, r."action", r."entity",
        r."entityId", r."before", r."after", r."createdAt")
      WHERE "id" = r."id"
      RETURNING "hash" INTO v_prev;
  END LOOP;
END
$$;

CREATE UNIQUE INDEX "AuditLog_regionId_seq_key" ON "AuditLog"("regionId", "seq");

-- Numbers and hashes each new row. The lock is the village's ledger lock (same key as "ledger_post"):
-- one lock per region for both chains, so a transaction that writes points and audit rows can never wait
-- for them in the opposite order from another. It is held until COMMIT, like the ledger's.
CREATE FUNCTION "audit_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_prev record;
BEGIN
  PERFORM pg_advisory_xact_lock(7001, hashtext(coalesce(NEW."regionId", '')));
  IF NEW."regionId" IS NULL THEN
    SELECT a."seq", a."hash" INTO v_prev FROM "AuditLog" a WHERE a."regionId" IS NULL ORDER BY a."seq" DESC LIMIT 1;
  ELSE
    SELECT a."seq", a."hash" INTO v_prev FROM "AuditLog" a WHERE a."regionId" = NEW."regionId" ORDER BY a."seq" DESC LIMIT 1;
  END IF;
  NEW."seq" := coalesce(v_prev."seq", 0) + 1;
  NEW."prevHash" := coalesce(v_prev."hash", 'GENESIS');
  NEW."hash" := "audit_hash"(NEW."prevHash", NEW."regionId", NEW."seq", NEW."actorUserId", NEW."actorRole"::text,
    NEW."action", NEW."entity", NEW."entityId", NEW."before", NEW."after", NEW."createdAt");
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_chain"();

-- Append-only: an audit record is never changed or removed.
CREATE FUNCTION "audit_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
