-- The supervisory committee watches the village committee and the shops, so in one village nobody may
-- hold SUPERVISOR together with COMMITTEE or SHOPKEEPER. The services refuse it first (ROLE_CONFLICT);
-- this trigger keeps the rule when a service, a script or a concurrent request slips past them.
CREATE OR REPLACE FUNCTION membership_duties_check() RETURNS trigger AS $$
BEGIN
  IF NOT NEW."active" OR NEW."role" NOT IN ('SUPERVISOR', 'COMMITTEE', 'SHOPKEEPER') THEN
    RETURN NEW;
  END IF;
  -- two concurrent grants to the same person in the same village must see each other
  PERFORM pg_advisory_xact_lock(hashtext('membership-duties:' || NEW."userId" || ':' || NEW."regionId"));
  IF EXISTS (
    SELECT 1 FROM "Membership" m
    WHERE m."userId" = NEW."userId" AND m."regionId" = NEW."regionId" AND m."active" AND m."id" <> NEW."id"
      AND (
        (NEW."role" = 'SUPERVISOR' AND m."role" IN ('COMMITTEE', 'SHOPKEEPER'))
        OR (NEW."role" IN ('COMMITTEE', 'SHOPKEEPER') AND m."role" = 'SUPERVISOR')
      )
  ) THEN
    RAISE EXCEPTION 'a supervisor cannot also be committee or shopkeeper in the same village (user %, region %)',
      NEW."userId", NEW."regionId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Membership_duties"
  BEFORE INSERT OR UPDATE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION membership_duties_check();
