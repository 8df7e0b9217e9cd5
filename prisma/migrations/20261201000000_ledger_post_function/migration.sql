-- The ledger's write path as one database function, so a post is one round trip (issue 4: the service
-- must keep up with plain inserts). server/ledger/ledger.ts calls it; it is the only caller.
--
-- "ledger_hash" builds exactly the canonical JSON text of server/ledger/hash.ts (JSON.stringify of an
-- array, postings sorted by account id then points) and returns its sha256 in hex, so the JavaScript
-- verifier (server/ledger/verify.ts) recomputes the same hash independently.
CREATE FUNCTION "ledger_hash"(
  p_prev text, p_village text, p_seq int, p_kind text, p_key text, p_source_type text, p_source_id text,
  p_rule_id text, p_rule_book_id text, p_actor text, p_member text, p_proxy text, p_reason text,
  p_reverses text, p_scoring boolean, p_created_at timestamp(3), p_accounts text[], p_points int[]
) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- plpgsql, not sql: a sql function with a subquery is planned again on every call (~0.5 ms)
  RETURN encode(sha256(convert_to(
    '[' || to_json(p_prev)::text
    || ',' || to_json(p_village)::text
    || ',' || p_seq::text
    || ',' || to_json(p_kind)::text
    || ',' || to_json(p_key)::text
    || ',' || coalesce(to_json(p_source_type)::text, 'null')
    || ',' || coalesce(to_json(p_source_id)::text, 'null')
    || ',' || coalesce(to_json(p_rule_id)::text, 'null')
    || ',' || coalesce(to_json(p_rule_book_id)::text, 'null')
    || ',' || to_json(p_actor)::text
    || ',' || coalesce(to_json(p_member)::text, 'null')
    || ',' || coalesce(to_json(p_proxy)::text, 'null')
    || ',' || to_json(p_reason)::text
    || ',' || coalesce(to_json(p_reverses)::text, 'null')
    || ',' || CASE WHEN p_scoring THEN 'true' ELSE 'false' END
    || ',' || to_json(to_char(p_created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
    || ',[' || (SELECT string_agg('[' || to_json(x.account)::text || ',' || x.points::text || ']', ','
                  ORDER BY x.account COLLATE "C", x.points)
                FROM unnest(p_accounts, p_points) AS x(account, points)) || ']]',
    'UTF8')), 'hex');
END
$$;

-- Posts one balanced transaction under the village's ledger lock and returns one row:
--   status POSTED | REPLAYED (the idempotency key was used: the first transaction is returned)
--        | IDEMPOTENCY_CONFLICT (the key was used for another kind or village) | ALREADY_REVERSED
--        | ACCOUNT_MISSING (an account is unknown or of another village)
--        | INSUFFICIENT_POINTS (a no-overdraw account would go below zero; balance and needed are set).
-- Nothing is written unless the status is POSTED, and the caller's transaction stays usable.
-- The shape checks (≥ 2 postings, non-zero integers, zero sum) are made by the caller and again by the
-- tables' CHECKs and the deferred zero-sum trigger.
CREATE FUNCTION "ledger_post"(p jsonb)
RETURNS TABLE (status text, transaction_id text, seq int, balance int, needed int)
LANGUAGE plpgsql AS $$
DECLARE
  -- one jsonb argument instead of seventeen: binding many parameters costs the caller more than unpacking here
  p_village text := p->>'villageId';
  p_kind "TxKind" := (p->>'kind')::"TxKind";
  p_key text := p->>'idempotencyKey';
  p_source_type text := p->>'sourceType';
  p_source_id text := p->>'sourceId';
  p_rule_id text := p->>'ruleId';
  p_rule_book_id text := p->>'ruleBookId';
  p_actor text := p->>'actorUserId';
  p_member text := p->>'memberId';
  p_proxy text := p->>'proxyUserId';
  p_reason text := p->>'reason';
  p_reverses text := p->>'reversesId';
  p_scoring boolean := coalesce((p->>'scoring')::boolean, false);
  -- an ISO instant in UTC (Date.toISOString), kept as the UTC wall time like every Prisma DateTime
  p_created_at timestamp(3) := ((p->>'createdAt')::timestamptz AT TIME ZONE 'UTC');
  p_accounts text[] := ARRAY(SELECT jsonb_array_elements_text(p->'accounts'));
  p_points int[] := ARRAY(SELECT (jsonb_array_elements_text(p->'points'))::int);
  p_no_overdraw text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'noOverdraw', '[]')));
  v_existing record;
  v_short record;
  v_prev record;
  v_seq int;
  v_prev_hash text;
  v_id text := gen_random_uuid()::text;
BEGIN
  -- every write of a village is ordered (the hash chain); other villages run in parallel
  PERFORM pg_advisory_xact_lock(7001, hashtext(p_village));

  SELECT t."id", t."seq", t."kind"::text AS kind, t."villageId" INTO v_existing
    FROM "LedgerTransaction" t WHERE t."idempotencyKey" = p_key;
  IF FOUND THEN
    IF v_existing.kind <> p_kind::text OR v_existing."villageId" <> p_village THEN
      RETURN QUERY SELECT 'IDEMPOTENCY_CONFLICT'::text, NULL::text, NULL::int, NULL::int, NULL::int;
    ELSE
      RETURN QUERY SELECT 'REPLAYED'::text, v_existing."id", v_existing."seq", NULL::int, NULL::int;
    END IF;
    RETURN;
  END IF;

  IF p_reverses IS NOT NULL AND EXISTS (SELECT 1 FROM "LedgerTransaction" t WHERE t."reversesId" = p_reverses) THEN
    RETURN QUERY SELECT 'ALREADY_REVERSED'::text, NULL::text, NULL::int, NULL::int, NULL::int;
    RETURN;
  END IF;

  IF (SELECT count(*) FROM "LedgerAccount" a WHERE a."id" = ANY(p_accounts) AND a."villageId" = p_village)
     <> (SELECT count(DISTINCT x) FROM unnest(p_accounts) AS x) THEN
    RETURN QUERY SELECT 'ACCOUNT_MISSING'::text, NULL::text, NULL::int, NULL::int, NULL::int;
    RETURN;
  END IF;

  -- cached balances live on household and shop accounts only; village totals come from the postings
  SELECT a."balance", -d.delta AS needed INTO v_short
    FROM (SELECT x.account AS id, sum(x.points)::int AS delta FROM unnest(p_accounts, p_points) AS x(account, points)
          GROUP BY x.account) d
    JOIN "LedgerAccount" a ON a."id" = d.id
    WHERE a."kind" IN ('HOUSEHOLD', 'SHOP') AND d.delta < 0 AND d.id = ANY(coalesce(p_no_overdraw, '{}'))
      AND a."balance" + d.delta < 0
    LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT 'INSUFFICIENT_POINTS'::text, NULL::text, NULL::int, v_short."balance", v_short.needed;
    RETURN;
  END IF;

  UPDATE "LedgerAccount" a SET "balance" = a."balance" + d.delta
    FROM (SELECT x.account AS id, sum(x.points)::int AS delta FROM unnest(p_accounts, p_points) AS x(account, points)
          GROUP BY x.account HAVING sum(x.points) <> 0) d
    WHERE a."id" = d.id AND a."kind" IN ('HOUSEHOLD', 'SHOP');

  SELECT t."seq", t."hash" INTO v_prev FROM "LedgerTransaction" t
    WHERE t."villageId" = p_village ORDER BY t."seq" DESC LIMIT 1;
  v_seq := coalesce(v_prev."seq", 0) + 1;
  v_prev_hash := coalesce(v_prev."hash", 'GENESIS');

  INSERT INTO "LedgerTransaction" ("id", "villageId", "seq", "kind", "idempotencyKey", "sourceType", "sourceId",
    "ruleId", "ruleBookId", "actorUserId", "memberId", "proxyUserId", "reason", "reversesId", "scoring",
    "createdAt", "prevHash", "hash")
  VALUES (v_id, p_village, v_seq, p_kind, p_key, p_source_type, p_source_id, p_rule_id, p_rule_book_id, p_actor,
    p_member, p_proxy, p_reason, p_reverses, p_scoring, p_created_at, v_prev_hash,
    "ledger_hash"(v_prev_hash, p_village, v_seq, p_kind::text, p_key, p_source_type, p_source_id, p_rule_id,
      p_rule_book_id, p_actor, p_member, p_proxy, p_reason, p_reverses, p_scoring, p_created_at, p_accounts, p_points));

  INSERT INTO "LedgerPosting" ("id", "transactionId", "accountId", "villageId", "points", "createdAt")
    SELECT gen_random_uuid()::text, v_id, x.account, p_village, x.points, p_created_at
    FROM unnest(p_accounts, p_points) AS x(account, points);

  RETURN QUERY SELECT 'POSTED'::text, v_id, v_seq, NULL::int, NULL::int;
END
$$;
