#!/usr/bin/env bash
# Scale test of the risk index (docs/warning.md): seeds 1,000,000 subjects (seed-subjects.sql)
# and their index signals and a million clues' months for the cockpit (seed-warning.sql) if
# needed, then times the nightly pass the office
# head starts with 立即重算 (links, every index recomputed set-based, warnings, overdue, back-test)
# and the leaders' cockpit page and data.
#
# Usage: fangfei-bench/load/warning.sh [BASE_URL] [DB_PORT]
#   e.g. DATA_DIR=/tmp/scale-data fangfei-bench/load/warning.sh http://localhost:8095 54395
#
# Environment: DATA_DIR, SEED_N, INITIAL_PASSWORD, PASSWORD as for subjects.sh.
# Needs curl and psql. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8095}
db_port=${2:-54395}
seed_n=${SEED_N:-1000000}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

sql() {
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -c "$1"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seeded=$(sql "select count(*) from subject where created_by = 'seed'")
if (( seeded < seed_n )); then
  echo "seeding $seed_n subjects (found $seeded)"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v n="$seed_n" -f "$here/seed-subjects.sql"
fi
known=$(sql "select count(*) from warning_subject")
if (( known < seed_n )); then
  echo "seeding the index's signals"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -f "$here/seed-warning.sql"
fi
echo "subjects known to the index: $(sql 'select count(*) from warning_subject'), signals: $(sql 'select count(*) from warning_signal')"

check_path=/warnings
# shellcheck source=sessions.sh
. "$here/sessions.sh"
chief=$(session_of chief)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2; do
  jar="$work/chief.jar"
  token=$(csrf "$jar" /warnings)
  seconds=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{time_total}' --data-urlencode "_csrf=$token" \
    "$base/warnings/recompute")
  echo "nightly pass, run $run: ${seconds} s"
done
echo "tiers: $(sql "select string_agg(tier || ' ' || n, ', ') from (select tier, count(*) n from warning_subject group by tier order by tier) t")"
for path in /cockpit /cockpit/data /warnings; do
  for run in 1 2 3; do
    seconds=$(curl -s -b "$work/chief.jar" -o /dev/null -w '%{time_total}' "$base$path")
    echo "GET $path, run $run: ${seconds} s"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
