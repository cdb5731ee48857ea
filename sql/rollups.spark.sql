-- rollups.spark.sql: the Spark SQL equivalent of rollups.duckdb.sql (not run by the tests; the DuckDB version
-- is, and the differences are listed in docs/feeds.md, "Rollups").
--
-- Input: two tables or views, `cases` and `surveys`, with Caseboard's field names (for example
-- spark.read.json of JSON lines, or the tables a helpdesk export already fills); `status_history` is an
-- array<struct<status: string, at: string>>. Timestamps are ISO 8601 strings with Z or an offset.
-- Output: JSON lines in part files under {{out}}; a rollups feed is one array, so wrap the lines in [...]
-- with commas, or list each part file as its own rollups feed (rows of several feeds add up).

SET spark.sql.session.timeZone = UTC;

CREATE OR REPLACE TEMPORARY VIEW rollup_cases AS
WITH parsed AS (
    SELECT id, queue, severity, offering,
           status IN ('new', 'in_progress', 'waiting_customer', 'on_hold') AS is_open,
           unix_timestamp(to_timestamp(created_at)) AS created,
           unix_timestamp(to_timestamp(resolved_at)) AS resolved,
           unix_timestamp(to_timestamp(closed_at)) AS closed,
           unix_timestamp(to_timestamp(element_at(status_history, -1).at)) AS last_change
    FROM cases
)
-- End time as in metrics_backlog.cpp (case_end_time): none while open; never before created_at.
SELECT id, queue, severity, offering, is_open, created,
       CASE WHEN NOT is_open THEN greatest(created, coalesce(
           CASE WHEN resolved >= created THEN resolved END,
           CASE WHEN closed >= created THEN closed END,
           last_change, created)) END AS ended
FROM parsed;

CREATE OR REPLACE TEMPORARY VIEW rollup_surveys AS
SELECT unix_timestamp(to_timestamp(s.submitted_at)) AS submitted,
       s.csat,
       CASE WHEN s.effort BETWEEN 1 AND 7 THEN s.effort END AS effort,
       s.resolved,
       CASE WHEN s.nps BETWEEN 0 AND 10 THEN s.nps END AS nps,
       c.queue, c.severity, c.offering
FROM surveys s
JOIN rollup_cases c ON c.id = s.case_id   -- a survey of an unknown case never counts
WHERE s.csat BETWEEN 1 AND 5;             -- csat is required: ingestion skips a survey without one

INSERT OVERWRITE DIRECTORY '{{out}}' USING json
WITH events AS (
    SELECT floor(created / 86400) AS d, queue, severity, offering,
           1 AS arrivals, CAST(is_open AS INT) AS open, 0 AS closures,
           0 AS responses, 0 AS csat_n, 0 AS csat_sum, 0 AS csat_sumsq, 0 AS top2, 0 AS dissatisfied,
           0 AS effort_n, 0 AS effort_sum, 0 AS effort_sumsq, 0 AS low_effort,
           0 AS resolved_known, 0 AS resolved_yes, 0 AS nps_n, 0 AS promoters, 0 AS detractors
    FROM rollup_cases
    UNION ALL
    SELECT floor(ended / 86400), queue, severity, offering, 0, 0, 1,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM rollup_cases WHERE ended IS NOT NULL
    UNION ALL
    SELECT floor(submitted / 86400), queue, severity, offering, 0, 0, 0,
           1, 1, csat, csat * csat, CAST(csat >= 4 AS INT), CAST(csat <= 2 AS INT),
           CAST(effort IS NOT NULL AS INT), coalesce(effort, 0), coalesce(effort * effort, 0),
           CAST(coalesce(effort <= 3, false) AS INT),
           CAST(resolved IS NOT NULL AS INT), CAST(coalesce(resolved, false) AS INT),
           CAST(nps IS NOT NULL AS INT), CAST(coalesce(nps >= 9, false) AS INT), CAST(coalesce(nps <= 6, false) AS INT)
    FROM rollup_surveys
)
SELECT date_format(date_add(DATE '1970-01-01', CAST(d AS INT)), 'yyyy-MM-dd') AS day, queue, severity, offering,
       sum(arrivals) AS arrivals, sum(open) AS open, sum(closures) AS closures,
       sum(responses) AS responses, sum(csat_n) AS csat_n, sum(csat_sum) AS csat_sum,
       sum(csat_sumsq) AS csat_sumsq, sum(top2) AS top2, sum(dissatisfied) AS dissatisfied,
       sum(effort_n) AS effort_n, sum(effort_sum) AS effort_sum, sum(effort_sumsq) AS effort_sumsq,
       sum(low_effort) AS low_effort, sum(resolved_known) AS resolved_known, sum(resolved_yes) AS resolved_yes,
       sum(nps_n) AS nps_n, sum(promoters) AS promoters, sum(detractors) AS detractors
FROM events
GROUP BY d, queue, severity, offering;
