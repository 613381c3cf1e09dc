-- member_breakdowns follows memberships and people through statement-level triggers, like
-- member_tallies (0003): one grouped upsert per statement, so bulk loads stay fast.

-- The tally keys one current membership contributes to: every organization on its path (the
-- subtree_path of each ancestor and its own) times each breakdown. The join-date periods are those
-- of statistics/rules.ts (joinPeriods); the statistics tests compare both ways of counting.
CREATE FUNCTION member_breakdown_keys(org_path text, joined_on date, mobile boolean, gender text, ethnicity text, education text, occupation text, birth_date date)
RETURNS TABLE (subtree_path text, dimension text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT left(org_path, i), d.dimension, d.value
  FROM generate_series(1, length(org_path)) i,
       (VALUES ('gender', coalesce(gender, '0')),
               ('ethnicity', ethnicity),
               ('education', coalesce(education, '')),
               ('occupation', coalesce(occupation, '')),
               ('mobile', mobile::text),
               ('birth_year', coalesce(extract(year from birth_date)::int::text, '')),
               ('period', CASE WHEN joined_on IS NULL THEN ''
                               WHEN joined_on < date '1949-10-01' THEN '0'
                               WHEN joined_on < date '1978-12-18' THEN '1'
                               WHEN joined_on < date '2012-11-08' THEN '2'
                               ELSE '3' END)) d(dimension, value)
  WHERE substr(org_path, i, 1) = '.'
$$;
--> statement-breakpoint
CREATE FUNCTION member_breakdowns_on_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
    SELECT m.county_id, k.subtree_path, m.category, k.dimension, k.value, -count(*)
    FROM old_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
    CROSS JOIN LATERAL member_breakdown_keys(m.org_path, m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) k
    WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
    SELECT m.county_id, k.subtree_path, m.category, k.dimension, k.value, count(*)
    FROM new_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
    CROSS JOIN LATERAL member_breakdown_keys(m.org_path, m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) k
    WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_breakdowns_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_breakdowns_on_memberships();
--> statement-breakpoint
CREATE TRIGGER memberships_breakdowns_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_breakdowns_on_memberships();
--> statement-breakpoint
CREATE TRIGGER memberships_breakdowns_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_breakdowns_on_memberships();
--> statement-breakpoint
-- An edit of a person's counted traits moves their current memberships to other tally rows.
CREATE FUNCTION member_breakdowns_on_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
  SELECT m.county_id, k.subtree_path, m.category, k.dimension, k.value, sum(c.delta)
  FROM old_rows o JOIN new_rows n ON n.county_id = o.county_id AND n.id = o.id
  JOIN memberships m ON m.county_id = o.county_id AND m.person_id = o.id AND m.ended_on IS NULL
  CROSS JOIN LATERAL (VALUES (-1, o.gender, o.ethnicity, o.education, o.occupation, o.birth_date),
                             (1, n.gender, n.ethnicity, n.education, n.occupation, n.birth_date)) c(delta, gender, ethnicity, education, occupation, birth_date)
  CROSS JOIN LATERAL member_breakdown_keys(m.org_path, m.joined_on, m.mobile, c.gender, c.ethnicity, c.education, c.occupation, c.birth_date) k
  WHERE (o.gender, o.ethnicity, o.education, o.occupation, o.birth_date) IS DISTINCT FROM (n.gender, n.ethnicity, n.education, n.occupation, n.birth_date)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_breakdowns_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_breakdowns_on_people();
--> statement-breakpoint
-- Data directories created before the breakdowns existed.
INSERT INTO member_breakdowns (county_id, subtree_path, category, dimension, value, n)
SELECT m.county_id, k.subtree_path, m.category, k.dimension, k.value, count(*)
FROM memberships m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
CROSS JOIN LATERAL member_breakdown_keys(m.org_path, m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) k
WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5;
