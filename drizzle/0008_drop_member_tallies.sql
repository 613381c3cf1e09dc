-- The subtree breakdowns (0006, 0007) give every figure the per-organization tallies gave, so the
-- tallies and their triggers go: one set of counts to keep right, and less work on every write.
DROP TRIGGER memberships_tally_insert ON memberships;
--> statement-breakpoint
DROP TRIGGER memberships_tally_update ON memberships;
--> statement-breakpoint
DROP TRIGGER memberships_tally_delete ON memberships;
--> statement-breakpoint
DROP TRIGGER people_tally_update ON people;
--> statement-breakpoint
DROP FUNCTION member_tallies_on_memberships();
--> statement-breakpoint
DROP FUNCTION member_tallies_on_people();
--> statement-breakpoint
DROP FUNCTION member_tallies_add(integer, jsonb);
--> statement-breakpoint
DROP TABLE "member_tallies" CASCADE;
--> statement-breakpoint
-- The breakdowns a membership counts in, apart from where: each dimension and its value. The
-- join-date periods are those of statistics/rules.ts (joinPeriods); tallied.test.ts compares.
CREATE FUNCTION member_breakdown_values(joined_on date, mobile boolean, gender text, ethnicity text, education text, occupation text, birth_date date)
RETURNS TABLE (dimension text, value text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('gender', coalesce(gender, '0')),
         ('ethnicity', ethnicity),
         ('education', coalesce(education, '')),
         ('occupation', coalesce(occupation, '')),
         ('mobile', mobile::text),
         ('birth_year', coalesce(extract(year from birth_date)::int::text, '')),
         ('period', CASE WHEN joined_on IS NULL THEN ''
                         WHEN joined_on < date '1949-10-01' THEN '0'
                         WHEN joined_on < date '1978-12-18' THEN '1'
                         WHEN joined_on < date '2012-11-08' THEN '2'
                         ELSE '3' END)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_breakdown_keys(org_path text, joined_on date, mobile boolean, gender text, ethnicity text, education text, occupation text, birth_date date)
RETURNS TABLE (subtree_path text, dimension text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT left(org_path, i), v.dimension, v.value
  FROM generate_series(1, length(org_path)) i,
       member_breakdown_values(joined_on, mobile, gender, ethnicity, education, occupation, birth_date) v
  WHERE substr(org_path, i, 1) = '.'
$$;
--> statement-breakpoint
-- Counts are grouped by organization before they are added to every organization above: a bulk
-- load of a village's members then costs one row per value and ancestor, not one per member.
CREATE OR REPLACE FUNCTION member_breakdowns_on_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
    SELECT g.county_id, left(g.org_path, i), g.category, g.dimension, g.value, -sum(g.n)
    FROM (SELECT m.county_id, m.org_path, m.category, v.dimension, v.value, count(*) AS n
          FROM old_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
          CROSS JOIN LATERAL member_breakdown_values(m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) v
          WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5) g
    CROSS JOIN LATERAL generate_series(1, length(g.org_path)) i
    WHERE substr(g.org_path, i, 1) = '.' GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
    SELECT g.county_id, left(g.org_path, i), g.category, g.dimension, g.value, sum(g.n)
    FROM (SELECT m.county_id, m.org_path, m.category, v.dimension, v.value, count(*) AS n
          FROM new_rows m JOIN people p ON p.county_id = m.county_id AND p.id = m.person_id
          CROSS JOIN LATERAL member_breakdown_values(m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) v
          WHERE m.ended_on IS NULL GROUP BY 1, 2, 3, 4, 5) g
    CROSS JOIN LATERAL generate_series(1, length(g.org_path)) i
    WHERE substr(g.org_path, i, 1) = '.' GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_breakdowns_on_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_breakdowns AS t (county_id, subtree_path, category, dimension, value, n)
  SELECT g.county_id, left(g.org_path, i), g.category, g.dimension, g.value, sum(g.n)
  FROM (SELECT m.county_id, m.org_path, m.category, v.dimension, v.value, sum(c.delta) AS n
        FROM old_rows o JOIN new_rows n ON n.county_id = o.county_id AND n.id = o.id
        JOIN memberships m ON m.county_id = o.county_id AND m.person_id = o.id AND m.ended_on IS NULL
        CROSS JOIN LATERAL (VALUES (-1, o.gender, o.ethnicity, o.education, o.occupation, o.birth_date),
                                   (1, n.gender, n.ethnicity, n.education, n.occupation, n.birth_date)) c(delta, gender, ethnicity, education, occupation, birth_date)
        CROSS JOIN LATERAL member_breakdown_values(m.joined_on, m.mobile, c.gender, c.ethnicity, c.education, c.occupation, c.birth_date) v
        WHERE (o.gender, o.ethnicity, o.education, o.occupation, o.birth_date) IS DISTINCT FROM (n.gender, n.ethnicity, n.education, n.occupation, n.birth_date)
        GROUP BY 1, 2, 3, 4, 5) g
  CROSS JOIN LATERAL generate_series(1, length(g.org_path)) i
  WHERE substr(g.org_path, i, 1) = '.' GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (county_id, subtree_path, category, dimension, value) DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END;
$$;
