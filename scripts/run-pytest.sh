#!/usr/bin/env bash
# The test suite, on the database DATABASE_URL names (SQLite in a temporary file when unset).
# pytest's "no tests collected" (exit 5) is a failure here: a suite that ran nothing proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
export MINZHENG_VAR_DIR="${MINZHENG_VAR_DIR:-$(mktemp -d)}"
[ -n "${DATABASE_URL:-}" ] || unset DATABASE_URL  # empty means the embedded default
# Two workers on the two cores (MINZHENG_TEST_WORKERS=0 runs in one process), whole files per worker so a
# module's Spark session and browser start once; the 15 slowest tests are printed to keep the suite fast.
workers="${MINZHENG_TEST_WORKERS:-2}"
parallel=()
[ "$workers" != "0" ] && parallel=(-n "$workers" --dist loadfile)
.venv/bin/pytest "${parallel[@]}" --durations=15 "$@"
status=$?
[ $status -eq 5 ] && { echo "pytest collected no tests"; exit 1; }
exit $status
