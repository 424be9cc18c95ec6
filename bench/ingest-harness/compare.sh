#!/usr/bin/env bash
# Runs two ingest-harness builds on the same data, with both invalid-cell policies,
# and reports whether the summary, rejects.csv, quality.json and every delivered
# response are byte for byte the same.
# Usage: bench/ingest-harness/compare.sh OLD_HARNESS NEW_HARNESS KIT (FILE.csv | DATA...)
set -uo pipefail
old=$1 new=$2 kit=$3
shift 3
work=$(mktemp -d)
status=0
for policy in reject blank; do
  for side in old new; do
    harness=${!side}
    if [ $# -eq 1 ] && [[ $1 == *.csv ]]; then
      args=("$kit" "$1" "$work/$side-$policy")
    else
      args=("$kit" "$work/$side-$policy" "$@")
    fi
    ONINVALID=$policy "$harness" "${args[@]}" | sed "s#$work/$side-$policy#OUT#g" > "$work/$side-$policy.txt"
    DIGEST=1 ONINVALID=$policy "$harness" "${args[@]}" | grep '^responses' >> "$work/$side-$policy.txt"
  done
  if cmp -s "$work/old-$policy.txt" "$work/new-$policy.txt" \
    && cmp -s "$work/old-$policy/rejects.csv" "$work/new-$policy/rejects.csv" \
    && cmp -s "$work/old-$policy/quality.json" "$work/new-$policy/quality.json"; then
    echo "$policy: same ($(grep '^responses' "$work/new-$policy.txt"))"
  else
    echo "$policy: DIFFERENT (see $work)"
    status=1
  fi
done
[ $status -eq 0 ] && rm -rf "$work"
exit $status
