#!/usr/bin/env bash
# Every figure in the README's accuracy tables, measured the way the issues measure them.
# Needs ../shared beside the repo. Usage: scripts/evaluate.sh [--quick]
#   --quick: skip the slow runs over all ACLED notes (samples of 700 per file instead).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
SHARED=../shared
SCORE="$BIN/python $SHARED/eval/score.py"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PER_FILE=0
[ "${1:-}" = "--quick" ] && PER_FILE=700

section() { printf '\n== %s\n' "$1"; }

section "founding example: sitrep"
$BIN/sitrep extract "$SHARED/examples/doha-meeting.txt" --format jsonl --out "$TMP/seed.jsonl"
$SCORE --gold "$SHARED/examples" --pred "$TMP/seed.jsonl"

section "founding example: keyword baseline"
mkdir -p "$TMP/seed-texts" && cp "$SHARED/examples/doha-meeting.txt" "$TMP/seed-texts/"
$BIN/python "$SHARED/baselines/keyword_baseline.py" "$TMP/seed-texts" "$TMP/seed-baseline.jsonl"
$SCORE --gold "$SHARED/examples" --pred "$TMP/seed-baseline.jsonl"

section "dev articles: sitrep, fed as a feed carries them (id, url, text), by batch"
$SCORE --gold "$SHARED/data/dev" --write-jsonl "$TMP/dev.in.jsonl"
$BIN/sitrep extract "$TMP/dev.in.jsonl" --format jsonl --out "$TMP/dev.jsonl"
$SCORE --gold "$SHARED/data/dev" --pred "$TMP/dev.jsonl" --by-group
$SCORE --gold "$SHARED/data/dev" --write-texts "$TMP/dev-texts"

section "dev articles: keyword baseline"
$BIN/python "$SHARED/baselines/keyword_baseline.py" "$TMP/dev-texts" "$TMP/dev-baseline.jsonl"
$SCORE --gold "$SHARED/data/dev" --pred "$TMP/dev-baseline.jsonl"

section "bundled examples: sitrep"
$BIN/sitrep extract examples --format jsonl --out "$TMP/examples.jsonl"
$SCORE --gold examples/gold --pred "$TMP/examples.jsonl"

section "events: CASE 2021 task 2"
$BIN/python -m sitrep.eval.events case "$SHARED/data/case2021_task2"

section "events: ACLED notes"
$BIN/python -m sitrep.eval.events acled "$SHARED/data" --per-file "$PER_FILE"

section "time: ACLED notes that open with their date"
$BIN/python -m sitrep.eval.dates "$SHARED/data" --per-file "$PER_FILE"

if [ "$PER_FILE" = 0 ]; then  # ingests every note into a temporary store: about 12 minutes
  section "export: the ACLED CSV of every ACLED note"
  $BIN/python -m sitrep.eval.export "$SHARED/data" -j 2
fi

section "agreements: n-pp dev batch and the founding example"
$BIN/python -m sitrep.eval.agreements --shared "$SHARED"

section "claims: PLOVER verbal categories"
$BIN/python -m sitrep.eval.claims "$SHARED/data/plover_gsr"

section "places: ACLED notes and Halterman's event locations"
$BIN/python -m sitrep.eval.places acled "$SHARED/data" --per-file 1000
$BIN/python -m sitrep.eval.places acled "$SHARED/data" --per-file 1000 --country-given
$BIN/python -m sitrep.eval.places halterman "$SHARED/data/event_location_halterman"

section "actors: founding clusters, PLOVER, ACLED"
$BIN/python -m sitrep.eval.actors founding
$BIN/python -m sitrep.eval.actors plover
$BIN/python -m sitrep.eval.actors acled
