#!/usr/bin/env bash
# The test suite, on the database DATABASE_URL names (SQLite in a temporary file when unset).
# pytest's "no tests collected" (exit 5) is a failure here: a suite that ran nothing proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
export MINZHENG_VAR_DIR="${MINZHENG_VAR_DIR:-$(mktemp -d)}"
[ -n "${DATABASE_URL:-}" ] || unset DATABASE_URL  # empty means the embedded default
.venv/bin/pytest "$@"
status=$?
[ $status -eq 5 ] && { echo "pytest collected no tests"; exit 1; }
exit $status
