#!/usr/bin/env bash
# `careeval validate` throughput against the C libcsv floor, side by side in one
# run (times drift between runs on a shared machine, so only ratios measured
# together mean anything):
#   floor          libcsv with empty callbacks (../shared/bench/csv_count.c, strict)
#   reader         careeval's CSVReader visiting every field (`careeval csv count`)
#   validate       `careeval validate` with bench/kit-gen-survey: every cell decoded
#                  and checked, duplicates and response ids tracked, rejects.csv
#                  and quality.json written
#   validate-small the same on a tenth of the rows (memory grows with children)
# Each is run ROUNDS times, interleaved; the report gives medians, ratios to the
# floor, peak RSS (/usr/bin/time) and what each run counted.
# Usage: bench/validate-throughput.sh
# Environment: CAREEVAL_SHARED (default ../shared from the repository root),
# ROWS (default 1000000), ROUNDS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CAREEVAL_SHARED:-$ROOT/../shared}
WORK=$ROOT/bench/work
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
KIT=$ROOT/bench/kit-gen-survey
mkdir -p "$WORK"

say() { printf '== %s\n' "$*" >&2; }

# 1. The benchmark file (shared with bench/csv-throughput.sh) and a tenth-size copy.
DATA=$WORK/survey-$ROWS.csv
SMALL=$WORK/survey-$((ROWS / 10)).csv
[ -s "$DATA" ] || python3 "$SHARED/bench/gen_survey.py" -n "$ROWS" -o "$DATA"
[ -s "$SMALL" ] || python3 "$SHARED/bench/gen_survey.py" -n $((ROWS / 10)) -o "$SMALL"

# 2. The C floor.
cc -O2 -o "$WORK/csv_count" "$SHARED/bench/csv_count.c" -lcsv

# 3. careeval, release build.
say "building careeval (release)"
(cd "$ROOT" && swift build -c release --product careeval >&2)
CAREEVAL=$(cd "$ROOT" && swift build -c release --show-bin-path)/careeval

# 4. Rounds. validate exits 1 because the generator writes invalid codes on purpose.
declare -A CMD=(
  [floor]="$WORK/csv_count $DATA strict"
  [reader]="$CAREEVAL csv count $DATA"
  [validate]="$CAREEVAL validate --kit $KIT --input child=$DATA --out $WORK/validate-out"
  [validate-small]="$CAREEVAL validate --kit $KIT --input child=$SMALL --out $WORK/validate-small-out"
)
ORDER=(floor reader validate validate-small)
RAW=$WORK/validate-raw.tsv
: > "$RAW"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    say "round $round: $name"
    out=$( { /usr/bin/time -f 'TIME %e %U %S %M' ${CMD[$name]} > "$WORK/$name.out" || true; } 2>&1 )
    read -r _ seconds user system rss <<< "$(grep '^TIME' <<< "$out")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$seconds" "$rss" "$(echo "$user + $system" | bc)" >> "$RAW"
  done
done

# 5. Report: medians of elapsed and CPU seconds, ratios to the floor, peak RSS,
# and what each run counted (validate: its "read = accepted + rejected" line).
python3 - "$RAW" "$WORK" "${ORDER[@]}" <<'PY'
import statistics, sys
raw, work, order = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [line.split("\t") for line in open(raw).read().splitlines()]
def med(name, column):
    return statistics.median(float(r[column]) for r in rows if r[1] == name)
def counted(name):
    text = open(f"{work}/{name}.out").read()
    lines = [l for l in text.splitlines() if l.startswith("read ") or l.startswith("rows=") or l.startswith("records=")]
    return lines[0] if lines else text.strip()[:80]
floor_s, floor_cpu = med("floor", 2), med("floor", 4)
print("| run | median elapsed s | x floor | median CPU s | x floor (CPU) | peak RSS MiB | output |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for n in order:
    rss = max(int(r[3]) for r in rows if r[1] == n) / 1024
    s, cpu = med(n, 2), med(n, 4)
    print(f"| {n} | {s:.2f} | {s / floor_s:.2f} | {cpu:.2f} | {cpu / floor_cpu:.2f} | {rss:.1f} | {counted(n)} |")
print()
print("Elapsed seconds per round (runs interleaved):")
print()
print("| round | " + " | ".join(order) + " |")
print("| --- | " + " | ".join("---:" for _ in order) + " |")
for rnd in sorted({r[0] for r in rows}, key=int):
    t = {r[1]: float(r[2]) for r in rows if r[0] == rnd}
    print(f"| {rnd} | " + " | ".join(f"{t[n]:.2f}" for n in order) + " |")
PY
