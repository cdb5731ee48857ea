-- rollups.duckdb.sql: Caseboard's cases.json and surveys.json -> a rollups feed (docs/feeds.md, "Rollups").
--
-- One row per UTC day x queue x severity x offering with the counts the dashboard needs, computed exactly as
-- the raw-data path computes them (docs/metrics.md): arrivals on the created day, closures on the day of the
-- case's end time, surveys on the day they were submitted (with their case's queue, severity and offering).
-- Run with DuckDB after replacing the three placeholders, e.g.
--   sed -e "s|{{cases}}|cases.json|; s|{{surveys}}|surveys.json|; s|{{out}}|rollups.json|" sql/rollups.duckdb.sql | duckdb
-- tests/rollups/parity.mjs runs it and checks the dashboard's figures from its output against the raw feeds.
--
-- Input: documents {"cases": [...]} and {"surveys": [...]} as `caseboard generate` writes them (a top-level
-- array works too with format = 'array'). Timestamps are ISO 8601 strings with Z or an offset; they are read
-- as text and cast here, so no zone guessing happens. Validation is Caseboard's job (`caseboard validate`):
-- this assumes clean feeds, except that it drops the same impossible values ingestion drops (an end time
-- before creation, scores out of range).

SET TimeZone = 'UTC';

CREATE TEMP TABLE cases AS
WITH raw AS (
    SELECT unnest(cases) AS c
    FROM read_json('{{cases}}', maximum_object_size = 2147483647, columns = {
        cases: 'STRUCT(id VARCHAR, queue VARCHAR, severity VARCHAR, offering VARCHAR, status VARCHAR,
                       created_at VARCHAR, resolved_at VARCHAR, closed_at VARCHAR,
                       status_history STRUCT(status VARCHAR, "at" VARCHAR)[])[]'})
), parsed AS (
    SELECT c.id, c.queue, c.severity, c.offering,
           c.status IN ('new', 'in_progress', 'waiting_customer', 'on_hold') AS is_open,
           epoch(CAST(c.created_at AS TIMESTAMPTZ)) AS created,
           epoch(CAST(c.resolved_at AS TIMESTAMPTZ)) AS resolved,
           epoch(CAST(c.closed_at AS TIMESTAMPTZ)) AS closed,
           epoch(CAST(c.status_history[-1]."at" AS TIMESTAMPTZ)) AS last_change
    FROM raw
)
-- End time (metrics_backlog.cpp, case_end_time): none while open; else resolved_at, closed_at, the last
-- status change or created_at, never before created_at (ingestion drops resolved/closed before created).
SELECT id, queue, severity, offering, is_open, created,
       CASE WHEN NOT is_open THEN greatest(created, coalesce(
           CASE WHEN resolved >= created THEN resolved END,
           CASE WHEN closed >= created THEN closed END,
           last_change, created)) END AS ended
FROM parsed;

CREATE TEMP TABLE surveys AS
SELECT s.submitted, s.csat, s.effort, s.resolved, s.nps, c.queue, c.severity, c.offering
FROM (
    SELECT epoch(CAST(s.submitted_at AS TIMESTAMPTZ)) AS submitted,
           CASE WHEN s.csat BETWEEN 1 AND 5 THEN s.csat END AS csat,
           CASE WHEN s.effort BETWEEN 1 AND 7 THEN s.effort END AS effort,
           s.resolved,
           CASE WHEN s.nps BETWEEN 0 AND 10 THEN s.nps END AS nps,
           s.case_id
    FROM (SELECT unnest(surveys) AS s
          FROM read_json('{{surveys}}', maximum_object_size = 2147483647, columns = {
              surveys: 'STRUCT(id VARCHAR, case_id VARCHAR, submitted_at VARCHAR, csat BIGINT, effort BIGINT,
                               resolved BOOLEAN, nps BIGINT)[]'}))
) s
JOIN cases c ON c.id = s.case_id  -- a survey of an unknown case never counts
WHERE s.csat IS NOT NULL;         -- csat is required: ingestion skips a survey without one

-- Every event as one row of counts, then summed per day x queue x severity x offering. A UTC day is
-- floor(epoch seconds / 86400), as in the dashboard.
COPY (
    WITH events AS (
        SELECT floor(created / 86400) AS d, queue, severity, offering,
               1 AS arrivals, is_open::INTEGER AS open, 0 AS closures,
               0 AS responses, 0 AS csat_n, 0 AS csat_sum, 0 AS csat_sumsq, 0 AS top2, 0 AS dissatisfied,
               0 AS effort_n, 0 AS effort_sum, 0 AS effort_sumsq, 0 AS low_effort,
               0 AS resolved_known, 0 AS resolved_yes, 0 AS nps_n, 0 AS promoters, 0 AS detractors
        FROM cases
        UNION ALL
        SELECT floor(ended / 86400), queue, severity, offering, 0, 0, 1,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM cases WHERE ended IS NOT NULL
        UNION ALL
        SELECT floor(submitted / 86400), queue, severity, offering, 0, 0, 0,
               1, 1, csat, csat * csat, (csat >= 4)::INTEGER, (csat <= 2)::INTEGER,
               (effort IS NOT NULL)::INTEGER, coalesce(effort, 0), coalesce(effort * effort, 0),
               coalesce(effort <= 3, false)::INTEGER,
               (resolved IS NOT NULL)::INTEGER, coalesce(resolved, false)::INTEGER,
               (nps IS NOT NULL)::INTEGER, coalesce(nps >= 9, false)::INTEGER, coalesce(nps <= 6, false)::INTEGER
        FROM surveys
    )
    SELECT strftime(DATE '1970-01-01' + CAST(d AS INTEGER), '%Y-%m-%d') AS day, queue, severity, offering,
           sum(arrivals)::BIGINT AS arrivals, sum(open)::BIGINT AS open, sum(closures)::BIGINT AS closures,
           sum(responses)::BIGINT AS responses, sum(csat_n)::BIGINT AS csat_n,
           sum(csat_sum)::BIGINT AS csat_sum, sum(csat_sumsq)::BIGINT AS csat_sumsq,
           sum(top2)::BIGINT AS top2, sum(dissatisfied)::BIGINT AS dissatisfied,
           sum(effort_n)::BIGINT AS effort_n, sum(effort_sum)::BIGINT AS effort_sum,
           sum(effort_sumsq)::BIGINT AS effort_sumsq, sum(low_effort)::BIGINT AS low_effort,
           sum(resolved_known)::BIGINT AS resolved_known, sum(resolved_yes)::BIGINT AS resolved_yes,
           sum(nps_n)::BIGINT AS nps_n, sum(promoters)::BIGINT AS promoters, sum(detractors)::BIGINT AS detractors
    FROM events
    GROUP BY d, queue, severity, offering
    ORDER BY d, queue, severity, offering
) TO '{{out}}' (FORMAT JSON, ARRAY true);
