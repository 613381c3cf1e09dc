-- member_tallies follows memberships and people through statement-level triggers: one grouped
-- upsert per statement rather than per row, so bulk loads of a whole county stay fast.
CREATE FUNCTION member_tallies_add(delta integer, changed jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO member_tallies AS t (county_id, org_id, category, gender, ethnicity, n)
  SELECT (r->>'county_id')::uuid, (r->>'org_id')::uuid, r->>'category', r->>'gender', r->>'ethnicity', delta * (r->>'n')::int
  FROM jsonb_array_elements(changed) r
  ON CONFLICT (county_id, org_id, category, gender, ethnicity) DO UPDATE SET n = t.n + excluded.n;
$$;
--> statement-breakpoint
-- Transition tables are visible only inside the trigger function itself, hence the grouping here
-- and the hand-over as JSON.
CREATE FUNCTION member_tallies_on_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM member_tallies_add(-1, coalesce((
      SELECT jsonb_agg(g) FROM (
        SELECT m.county_id, m.org_id, m.category, coalesce(p.gender, '0') AS gender, p.ethnicity, count(*) AS n
        FROM old_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
        WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5) g), '[]'));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM member_tallies_add(1, coalesce((
      SELECT jsonb_agg(g) FROM (
        SELECT m.county_id, m.org_id, m.category, coalesce(p.gender, '0') AS gender, p.ethnicity, count(*) AS n
        FROM new_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
        WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5) g), '[]'));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_tally_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_on_memberships();
--> statement-breakpoint
CREATE TRIGGER memberships_tally_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_on_memberships();
--> statement-breakpoint
CREATE TRIGGER memberships_tally_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_on_memberships();
--> statement-breakpoint
-- A person's gender or ethnicity moves their current memberships to other tally rows.
CREATE FUNCTION member_tallies_on_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_tallies_add(-1, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT m.county_id, m.org_id, m.category, coalesce(o.gender, '0') AS gender, o.ethnicity, count(*) AS n
      FROM old_rows o JOIN new_rows n ON n.county_id = o.county_id AND n.id = o.id
      JOIN memberships m ON m.county_id = o.county_id AND m.person_id = o.id AND m.ended_on IS NULL
      WHERE o.gender IS DISTINCT FROM n.gender OR o.ethnicity <> n.ethnicity GROUP BY 1, 2, 3, 4, 5) g), '[]'));
  PERFORM member_tallies_add(1, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT m.county_id, m.org_id, m.category, coalesce(n.gender, '0') AS gender, n.ethnicity, count(*) AS n
      FROM old_rows o JOIN new_rows n ON n.county_id = o.county_id AND n.id = o.id
      JOIN memberships m ON m.county_id = n.county_id AND m.person_id = n.id AND m.ended_on IS NULL
      WHERE o.gender IS DISTINCT FROM n.gender OR o.ethnicity <> n.ethnicity GROUP BY 1, 2, 3, 4, 5) g), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_tally_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_on_people();
--> statement-breakpoint
-- Data directories created before the tallies existed.
INSERT INTO member_tallies (county_id, org_id, category, gender, ethnicity, n)
SELECT m.county_id, m.org_id, m.category, coalesce(p.gender, '0'), p.ethnicity, count(*)
FROM memberships m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5;
