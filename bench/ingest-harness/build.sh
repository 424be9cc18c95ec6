#!/usr/bin/env bash
# Builds bench/work/ingest-harness: `Ingestion.run` without the command line, linked
# against the release objects of CSVStream, SurveySchema and SurveyIngest. The
# careeval executable runs on Dispatch's main queue, which valgrind 3.19 cannot run
# (it crashes in sigsuspend); this harness is plain synchronous code, so
#   valgrind --tool=callgrind bench/work/ingest-harness bench/kit-gen-survey \
#     bench/work/survey-100000.csv bench/work/harness-out
# counts the instructions of a validation (the same work as `careeval validate`:
# rejects.csv and quality.json are written) deterministically.
# Usage: bench/ingest-harness/build.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
swift build -c release --target SurveyIngest >&2
BIN=$(swift build -c release --show-bin-path)
mkdir -p bench/work
swiftc -O -parse-as-library -I "$BIN/Modules" -I Sources/CLibCSV bench/ingest-harness/main.swift \
  -o bench/work/ingest-harness \
  "$BIN"/CSVStream.build/*.o "$BIN"/SurveySchema.build/*.o "$BIN"/SurveyIngest.build/*.o -lcsv
echo "bench/work/ingest-harness" >&2
