#!/usr/bin/env bash
# Tests with a real Airflow 3: DAG integrity, the containers' files, and end to end through the
# real jar against a real PostgreSQL (triangulate db start), including backfill semantics.
#
#   scripts/airflow-test.sh [pytest args…]   e.g. -k integrity, or -x
#   scripts/airflow-test.sh --refreeze       re-resolve requirements-airflow.txt, rewrite constraints-airflow.txt
#
# Creates (and reuses while its inputs are unchanged) a virtual environment in .venv-airflow, or
# in $TRIANGULATE_AIRFLOW_VENV. Builds the jar if it is missing or stale. Needs Python 3.10+ and a
# JDK 17; Airflow's home and metadata database are temporary. Exits non-zero if any test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${TRIANGULATE_AIRFLOW_VENV:-$root/.venv-airflow}"
python="${PYTHON:-python3}"
requirements="$root/requirements-airflow.txt"
constraints="$root/constraints-airflow.txt"
pip_flags=(--quiet --disable-pip-version-check --no-input)

"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || { echo "airflow-test: Python 3.10+ is needed for Airflow 3; found $("$python" --version 2>&1). Set PYTHON=…" >&2; exit 2; }
py_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"

if [[ "${1:-}" == "--refreeze" ]]; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  "$python" -m venv "$tmp/venv"
  "$tmp/venv/bin/pip" install "${pip_flags[@]}" -r "$requirements"
  { echo "# Every package of the Airflow test environment, pinned (pip freeze after installing"
    echo "# requirements-airflow.txt with Python $py_version on $(uname -s) $(uname -m)). Regenerate with:"
    echo "#   scripts/airflow-test.sh --refreeze"
    "$tmp/venv/bin/pip" freeze --all | grep -v -E '^(pip|setuptools|wheel)=='; } > "$constraints"
  echo "wrote $constraints ($(grep -vc '^#' "$constraints") packages)"
  exit 0
fi

# --- 1. the virtual environment, reused while requirements, constraints and Python are the same
constraint_args=()
if grep -q "with Python $py_version " "$constraints"; then
  constraint_args=(-c "$constraints")
else
  echo "airflow-test: $constraints was frozen for another Python; installing direct pins only" >&2
fi
stamp="$venv/.triangulate-requirements"
want="$(cat "$requirements" "$constraints" <(echo "python $py_version, constrained: ${#constraint_args[@]}") \
  | sha256sum | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "· creating $venv (Airflow $(sed -n 's/^apache-airflow==//p' "$requirements"), Python $py_version)…" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install "${pip_flags[@]}" -r "$requirements" "${constraint_args[@]}"
  echo "$want" > "$stamp"
fi

# --- 2. the jar the DAG runs (the launcher rebuilds it when sources are newer)
"$root/triangulate" --version >/dev/null

# --- 3. the tests (conftest.py gives Airflow a temporary home and SQLite metadata database)
cd "$root/dags"
exec "$venv/bin/python" -m pytest tests -p no:cacheprovider -q -rfEs \
  -W "ignore::DeprecationWarning" "$@"
