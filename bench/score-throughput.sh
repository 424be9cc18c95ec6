#!/usr/bin/env bash
# `careeval score` end to end on demo data, side by side in one run with
#   floor      the C libcsv floor over the same bytes (../shared/bench/csv_count.c,
#              strict, empty callbacks), the five files one after the other
#   validate   `careeval validate` on the same files: reading, decoding, checking and
#              linking every row, rejects.csv and quality.json, but no scoring
#   score      `careeval score`: the same ingestion into the scoring sink, then
#              scales, every indicator in every region (estimates.csv), alpha,
#              kappa, and scores.csv
#   duckdb-2t  an equivalent DuckDB SQL pipeline on both cores (bench/score_duckdb.py):
#              read the five files, per-child scales, join to the register, group
#              by county with roll-up to city, province and all
# Times on a shared machine drift between runs, so only ratios measured together
# mean anything. Each run is repeated ROUNDS times, interleaved; the report gives
# medians, ratios to the floor, CPU seconds and peak RSS (/usr/bin/time).
# Usage: bench/score-throughput.sh
# Environment: CAREEVAL_SHARED (default ../shared from the repository root),
# CHILDREN (default 1000000), ROUNDS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CAREEVAL_SHARED:-$ROOT/../shared}
WORK=$ROOT/bench/work
CHILDREN=${CHILDREN:-1000000}
ROUNDS=${ROUNDS:-3}
KIT=$ROOT/surveys/aixin
mkdir -p "$WORK"

say() { printf '== %s\n' "$*" >&2; }

# 1. careeval, release build.
say "building careeval (release)"
(cd "$ROOT" && swift build -c release --product careeval >&2)
CAREEVAL=$(cd "$ROOT" && swift build -c release --show-bin-path)/careeval

# 2. Demo data: a census of CHILDREN children over the kit's five provinces.
DATA=$WORK/demo-$CHILDREN
if [ ! -s "$DATA/teacher.csv" ]; then
  say "generating $CHILDREN children into $DATA"
  "$CAREEVAL" demo --kit "$KIT" --out "$DATA" --children "$CHILDREN" --seed 1 >&2
fi
FORMS=(volunteer roster child guardian teacher)
FILES=()
INPUTS=()
for form in "${FORMS[@]}"; do
  FILES+=("$DATA/$form.csv")
  INPUTS+=(--input "$form=$DATA/$form.csv")
done

# 3. The C floor, and DuckDB in a virtual environment.
cc -O2 -o "$WORK/csv_count" "$SHARED/bench/csv_count.c" -lcsv
cat > "$WORK/floor.sh" <<SH
#!/usr/bin/env bash
for f in ${FILES[*]}; do "$WORK/csv_count" "\$f" strict; done
SH
chmod +x "$WORK/floor.sh"
if [ ! -x "$WORK/venv/bin/python" ] || ! "$WORK/venv/bin/python" -c 'import duckdb' 2>/dev/null; then
  say "installing duckdb into bench/work/venv"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet duckdb
fi

# 4. Rounds. score and validate exit 0 on clean demo data.
declare -A CMD=(
  [floor]="$WORK/floor.sh"
  [validate]="$CAREEVAL validate --kit $KIT ${INPUTS[*]} --out $WORK/validate-out"
  [score]="$CAREEVAL score --kit $KIT ${INPUTS[*]} --out $WORK/score-out"
  [duckdb-2t]="$WORK/venv/bin/python $ROOT/bench/score_duckdb.py $DATA 2"
)
ORDER=(floor validate score duckdb-2t)
RAW=$WORK/score-raw.tsv
: > "$RAW"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    say "round $round: $name"
    out=$( { /usr/bin/time -f 'TIME %e %U %S %M' ${CMD[$name]} > "$WORK/$name.out" 2> "$WORK/$name.err" || true; } 2>&1 )
    out=$(cat "$WORK/$name.err")
    read -r _ seconds user system rss <<< "$(grep '^TIME' <<< "$out")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$seconds" "$rss" "$(echo "$user + $system" | bc)" >> "$RAW"
  done
done

# 5. Report: input size, medians of elapsed and CPU seconds, ratios to the floor,
# peak RSS, what each run counted, and elapsed seconds per round.
du -cb "${FILES[@]}" | tail -1 | cut -f1 > "$WORK/score-bytes.txt"
python3 - "$RAW" "$WORK" "$(cat "$WORK/score-bytes.txt")" "${ORDER[@]}" <<'PY'
import statistics, sys
raw, work, size, order = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
rows = [line.split("\t") for line in open(raw).read().splitlines()]
def med(name, column):
    return statistics.median(float(r[column]) for r in rows if r[1] == name)
def counted(name):
    text = open(f"{work}/{name}.out").read().splitlines()
    if name == "floor":
        return "rows=%d" % sum(int(l.split()[0].split("=")[1]) for l in text if l.startswith("rows="))
    keep = [l for l in text if l.startswith(("estimates:", "groups=", "total", "children"))]
    return "; ".join(keep)[:160] if keep else (text[-1][:160] if text else "")
print(f"Input: {size:,} bytes in five files.\n")
floor_s, floor_cpu = med("floor", 2), med("floor", 4)
print("| run | median elapsed s | x floor | median CPU s | x floor (CPU) | peak RSS MiB | output |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for n in order:
    rss = max(int(r[3]) for r in rows if r[1] == n) / 1024
    s, cpu = med(n, 2), med(n, 4)
    print(f"| {n} | {s:.2f} | {s / floor_s:.2f} | {cpu:.2f} | {cpu / floor_cpu:.2f} | {rss:.1f} | {counted(n)} |")
print()
rounds = sorted({int(r[0]) for r in rows})
print("| round | " + " | ".join(order) + " |")
print("| --- |" + " ---: |" * len(order))
for k in rounds:
    cells = [next(r[2] for r in rows if int(r[0]) == k and r[1] == n) for n in order]
    print(f"| {k} | " + " | ".join(cells) + " |")
PY
