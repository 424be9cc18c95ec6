"""The core of `careeval score` as one DuckDB SQL pipeline, for bench/score-throughput.sh.

Reads the five files of a demo data set (volunteer, roster, child, guardian, teacher),
computes per child the scales wellbeing, loneliness, guardian_satisfaction and
adjustment of surveys/aixin (reverse scoring, min_valid), joins them to the register,
evaluates nine indicators with the kit's populations (missing values left out), and
groups by county with roll-up to city, province and the whole data set: n, mean and
sample variance per indicator, from which the no-design estimate and SE follow.
It does not validate rows, and it skips what careeval also does (the other 37
indicators, targets, intervals, statuses, q-values, alpha, kappa, scores.csv).

Usage: python score_duckdb.py DATA_FOLDER THREADS
"""
import sys

import duckdb

folder, threads = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute(f"SET threads = {threads}")


def table(name):
    return f"read_csv('{folder}/{name}.csv', header = true, all_varchar = true)"


def scale(items, reverse, top, min_valid):
    """Mean of the valid items (reversed ones as 1 + top - x) when at least min_valid are valid."""
    values = ", ".join(
        f"{1 + top} - TRY_CAST({i} AS DOUBLE)" if i in reverse else f"TRY_CAST({i} AS DOUBLE)" for i in items
    )
    valid = f"list_filter([{values}], lambda v: v IS NOT NULL)"
    return f"CASE WHEN len({valid}) >= {min_valid} THEN list_avg({valid}) END"


wellbeing = scale(
    ["wb_happy", "wb_energy", "wb_sleep", "wb_can_do", "wb_calm", "wb_worried", "wb_sad"],
    {"wb_worried", "wb_sad"}, 5, 6)
loneliness = scale(
    ["lon_alone", "lon_not_cared", "lon_miss_family", "lon_no_friends", "lon_adult_listens",
     "lon_family_loves", "lon_share_feelings"],
    {"lon_adult_listens", "lon_family_loves", "lon_share_feelings"}, 5, 6)
satisfaction = scale(["g_sat_care", "g_sat_contact", "g_sat_help", "g_sat_overall"], set(), 4, 3)
adjustment = scale(
    ["t_adj_rules", "t_adj_peers", "t_adj_mood", "t_adj_participation", "t_adj_withdrawn", "t_adj_conflict"],
    {"t_adj_withdrawn", "t_adj_conflict"}, 4, 5)

indicators = {
    "coverage_paired": "CASE WHEN paired = 'yes' THEN 1 ELSE 0 END",
    "routine_child_weekly": "CASE WHEN paired = 'yes' THEN (contact_level = 'weekly')::INT END",
    "needs_academic_served":
        "CASE WHEN list_contains(string_split(needs, ' '), 'academic_lag') "
        "THEN list_contains(string_split(help_received, ' '), 'study_group')::INT END",
    "outcome_wellbeing": "wellbeing",
    "outcome_low_wellbeing": "(wellbeing < 2.5)::INT",
    "outcome_loneliness": "loneliness",
    "outcome_guardian_satisfied": "CASE WHEN paired = 'yes' THEN (guardian_satisfaction >= 3)::INT END",
    "outcome_academic_progress": "(t_progress IN ('4', '5'))::INT",
    "outcome_adjustment": "adjustment",
}
measures = ",\n  ".join(
    f"count({x}) AS {n}_n, avg({x}) AS {n}_mean, var_samp({x}) AS {n}_var" for n, x in indicators.items())

sql = f"""
WITH roster AS (
  SELECT child_id, region, paired, needs,
         substr(region, 1, 2) || '0000' AS province, substr(region, 1, 4) || '00' AS city
  FROM {table('roster')}),
child AS (
  SELECT child_id, contact_level, help_received, {wellbeing} AS wellbeing, {loneliness} AS loneliness
  FROM {table('child')}),
guardian AS (SELECT child_id, {satisfaction} AS guardian_satisfaction FROM {table('guardian')}),
teacher AS (SELECT child_id, t_progress, {adjustment} AS adjustment FROM {table('teacher')}),
joined AS (
  SELECT * FROM roster
  LEFT JOIN child USING (child_id) LEFT JOIN guardian USING (child_id) LEFT JOIN teacher USING (child_id))
SELECT province, city, region AS county,
  {measures}
FROM joined
GROUP BY ROLLUP (province, city, region)
"""
children = con.execute(sql).fetchall()
volunteers = con.execute(f"""
  SELECT substr(vol_region, 1, 2) || '0000' AS province, substr(vol_region, 1, 4) || '00' AS city, vol_region,
         count(*) AS n, avg((TRY_CAST(trainings_12m AS INTEGER) >= 1)::INT) AS trained
  FROM {table('volunteer')} WHERE vol_status = 'active'
  GROUP BY ROLLUP (1, 2, 3)
""").fetchall()
overall = next(row for row in children if row[0] is None)
print(f"groups={len(children)} volunteer_groups={len(volunteers)} children={overall[3]} "
      f"coverage_paired={overall[4]:.6f} outcome_wellbeing={overall[13]:.6f}")
