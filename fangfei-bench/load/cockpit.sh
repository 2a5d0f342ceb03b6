#!/usr/bin/env bash
# Times the leaders' cockpit (docs/warning.md, docs/performance.md) as the county leader: the
# first load (cold when the server has just started; the account signs in on /warnings) and then LOADS more (default 25), with their
# p50 and p95. Seed first with warning.sh (or seed-subjects.sql and seed-warning.sql).
#
# Usage: fangfei-bench/load/cockpit.sh [BASE_URL] [PATH]
#   e.g. fangfei-bench/load/cockpit.sh http://localhost:8095 /cockpit
#
# Environment: LOADS, USER_NAME (default leader), INITIAL_PASSWORD, PASSWORD as for subjects.sh.
# Needs curl. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8095}
path=${2:-/cockpit}
loads=${LOADS:-25}
user_name=${USER_NAME:-leader}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check_path=/warnings
# shellcheck source=sessions.sh
. "$here/sessions.sh"
session_of "$user_name" > /dev/null

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "GET $path, first load: $(curl -s -b "$work/$user_name.jar" -o /dev/null -w '%{time_total}' "$base$path") s"
for run in $(seq 1 "$loads"); do
  curl -s -b "$work/$user_name.jar" -o /dev/null -w '%{time_total}\n' "$base$path"
done > "$work/times"
sort -n "$work/times" | awk -v path="$path" '{ t[NR] = $1 } END {
  p50 = t[int((NR + 1) * 0.50)]; p95 = t[int(NR * 0.95 + 0.999)]
  printf "GET %s, %d loads: min %.3f s, p50 %.3f s, p95 %.3f s, max %.3f s\n", path, NR, t[1], p50, p95, t[NR] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
