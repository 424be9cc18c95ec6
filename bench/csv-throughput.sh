#!/usr/bin/env bash
# CSV reader throughput, side by side in one run (times drift between runs on a
# shared machine, so only ratios measured together mean anything):
#   floor    libcsv with empty callbacks (../shared/bench/csv_count.c, strict options)
#   reader   careeval's CSVReader visiting every field (`careeval csv count`)
#   reader-gb18030  the same table in GB18030
#   duckdb-1t / duckdb-2t  DuckDB read_csv, summing the byte length of every field
# Each is run ROUNDS times, interleaved; the report gives medians, ratios to the
# floor and peak RSS (/usr/bin/time). Usage: bench/csv-throughput.sh
# Environment: CAREEVAL_SHARED (default ../shared from the repository root),
# ROWS (default 1000000), ROUNDS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CAREEVAL_SHARED:-$ROOT/../shared}
WORK=$ROOT/bench/work
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
mkdir -p "$WORK"

say() { printf '== %s\n' "$*" >&2; }

# 1. The survey file, its GB18030 twin and a tenth-size copy (to show RSS does not grow).
DATA=$WORK/survey-$ROWS.csv
SMALL=$WORK/survey-$((ROWS / 10)).csv
GB=$WORK/survey-$ROWS.gb18030.csv
if [ ! -s "$DATA" ]; then
  say "generating $ROWS rows"
  python3 "$SHARED/bench/gen_survey.py" -n "$ROWS" -o "$DATA"
fi
[ -s "$SMALL" ] || python3 "$SHARED/bench/gen_survey.py" -n $((ROWS / 10)) -o "$SMALL"
[ -s "$GB" ] || iconv -f UTF-8 -t GB18030 "$DATA" > "$GB"

# 2. The C floor.
cc -O2 -o "$WORK/csv_count" "$SHARED/bench/csv_count.c" -lcsv

# 3. careeval, release build.
say "building careeval (release)"
(cd "$ROOT" && swift build -c release --product careeval >&2)
CAREEVAL=$(cd "$ROOT" && swift build -c release --show-bin-path)/careeval

# 4. DuckDB in a virtual environment.
if [ ! -x "$WORK/venv/bin/python" ]; then
  say "installing duckdb into bench/work/venv"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet duckdb
fi
cat > "$WORK/duckdb_sum.py" <<'PY'
import sys, duckdb
path, threads = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
row = con.execute(
    "SELECT count(*), sum(COLUMNS(*)) FROM (SELECT strlen(COLUMNS(*)) "
    "FROM read_csv(?, header = true, all_varchar = true, quote = '\"', escape = '\"'))",
    [path]).fetchone()
print(f"rows={row[0]} field_bytes={sum(v or 0 for v in row[1:])}")
PY

# 5. Rounds.
declare -A CMD=(
  [floor]="$WORK/csv_count $DATA strict"
  [reader]="$CAREEVAL csv count $DATA"
  [reader-gb18030]="$CAREEVAL csv count $GB"
  [reader-small]="$CAREEVAL csv count $SMALL"
  [duckdb-1t]="$WORK/venv/bin/python $WORK/duckdb_sum.py $DATA 1"
  [duckdb-2t]="$WORK/venv/bin/python $WORK/duckdb_sum.py $DATA 2"
)
ORDER=(floor reader reader-gb18030 duckdb-1t duckdb-2t reader-small)
RAW=$WORK/raw.tsv
: > "$RAW"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    say "round $round: $name"
    out=$( { /usr/bin/time -f 'TIME %e %U %S %M' ${CMD[$name]} > "$WORK/$name.out"; } 2>&1 )
    read -r _ seconds user system rss <<< "$(grep '^TIME' <<< "$out")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$seconds" "$rss" "$(echo "$user + $system" | bc)" >> "$RAW"
  done
done

# 6. Report: medians of elapsed and CPU (user + system) seconds, ratios to the
# floor, peak RSS, and what each run counted (all must agree on the field bytes).
python3 - "$RAW" "$WORK" "${ORDER[@]}" <<'PY'
import statistics, sys
raw, work, order = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [line.split("\t") for line in open(raw).read().splitlines()]
def med(name, column):
    return statistics.median(float(r[column]) for r in rows if r[1] == name)
floor_s, floor_cpu = med("floor", 2), med("floor", 4)
print("| run | median elapsed s | x floor | median CPU s | x floor (CPU) | peak RSS MiB | output |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for n in order:
    out = open(f"{work}/{n}.out").read().strip()
    rss = max(int(r[3]) for r in rows if r[1] == n) / 1024
    s, cpu = med(n, 2), med(n, 4)
    print(f"| {n} | {s:.2f} | {s / floor_s:.2f} | {cpu:.2f} | {cpu / floor_cpu:.2f} | {rss:.1f} | {out} |")
print()
print("Elapsed seconds per round (runs interleaved, so each round is side by side):")
print()
print("| round | " + " | ".join(order) + " |")
print("| --- | " + " | ".join("---:" for _ in order) + " |")
for rnd in sorted({r[0] for r in rows}, key=int):
    t = {r[1]: float(r[2]) for r in rows if r[0] == rnd}
    print(f"| {rnd} | " + " | ".join(f"{t[n]:.2f}" for n in order) + " |")
PY
