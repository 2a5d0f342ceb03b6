#!/usr/bin/env bash
# Scale test of the subject ledger (风险主体台账): seeds synthetic subjects if needed, then measures
# the scoped, filtered list page and API with wrk and prints p50/p95/p99 and req/s per query.
#
# Usage: fangfei-bench/load/subjects.sh [BASE_URL] [DB_PORT] [SECONDS]
#   e.g. fangfei-bench/load/subjects.sh http://localhost:8095 54395 10
#
# BASE_URL  a running Fangfei on this machine (default http://localhost:8095)
# DB_PORT   its embedded PostgreSQL (--fangfei.embedded-db.port); reached as
#           psql -h localhost -p DB_PORT -U postgres -d fangfei (psql client 15 or later)
# SECONDS   measured seconds per query, after a 3 s warm-up (default 10)
#
# Environment:
#   DATA_DIR          the server's --fangfei.data-dir, where db.sh finds the database password
#                     (default ./data; or set PGPASSWORD)
#   SEED_N            subjects to seed (default 1000000); seeding runs only when fewer seeded
#                     rows are present than this (fangfei-bench/load/seed-subjects.sql, ~70 s)
#   INITIAL_PASSWORD  the one-time password of a fresh start with
#                     --fangfei.bootstrap.initial-password (default Bench#Pass2026)
#   PASSWORD          the password the accounts office and huishi get (default Scale#Load2026)
#   ONLY              measure only the queries whose label matches this extended regex
#   CONNECTIONS       wrk connections (default 1: on loopback, latency at -c1 is close to
#                     server time)
#
# Needs curl, wrk and psql. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8095}
db_port=${2:-54395}
seconds=${3:-10}
seed_n=${SEED_N:-1000000}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
connections=${CONNECTIONS:-1}
only=${ONLY:-.}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac
[[ "$db_port" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ && "$seed_n" =~ ^[0-9]+$ ]] || {
  echo "DB_PORT, SECONDS and SEED_N must be numbers" >&2
  exit 2
}
for tool in curl wrk psql; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

sql() {
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- data -------------------------------------------------------------------------------
seeded=$(sql "select count(*) from subject where created_by = 'seed'")
if (( seeded < seed_n )); then
  echo "seeding $seed_n subjects (found $seeded)"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v n="$seed_n" -f "$here/seed-subjects.sql"
fi
echo "subjects in the database: $(sql 'select count(*) from subject')"
credit_code=$(sql "select credit_code from subject where created_by = 'seed' and credit_code is not null
                   order by id limit 1 offset 1000")

# --- accounts ---------------------------------------------------------------------------
check_path=/subjects
# shellcheck source=sessions.sh
. "$here/sessions.sh"

office=$(session_of office)
huishi=$(session_of huishi)

# --- measurement ------------------------------------------------------------------------
cat > "$work/report.lua" << 'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.errors.status))
end
LUA

enc() {
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"
}
common=$(enc '商贸')
rare=$(enc '驼铃')
absent=$(enc '无此名称')

# label | account | path
cases=(
  "county page 1|office|/subjects"
  "county API page 1|office|/api/v1/subjects?size=20"
  "township page 1 (huishi)|huishi|/subjects"
  "county status+risk|office|/subjects?status=WATCHING&riskLevel=RED"
  "county sector|office|/subjects?sectorCode=ELDERLY_CARE"
  "county region filter (one village)|office|/subjects?regionCode=620422100201"
  "county flagged (statutory words)|office|/subjects?flagged=true"
  "name: common word 商贸|office|/subjects?text=$common"
  "name: rare word 驼铃|office|/subjects?text=$rare"
  "name: no match|office|/subjects?text=$absent"
  "township name: rare word|huishi|/subjects?text=$rare"
  "exact credit code|office|/subjects?text=$credit_code"
  "API exact credit code|office|/api/v1/subjects?text=$credit_code"
  "county deep page 50|office|/subjects?page=50"
  "county deep page 50, status|office|/subjects?status=RESOLVED&page=50"
)

# Other work on the machine skews every figure: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-38s %9s %9s %9s %9s\n' "query" "p50 ms" "p95 ms" "p99 ms" "req/s"
for entry in "${cases[@]}"; do
  IFS='|' read -r label account path <<< "$entry"
  [[ "$label" =~ $only ]] || continue
  if [[ "$account" == office ]]; then session=$office; else session=$huishi; fi
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$base$path")
  if [[ "$status" != 200 ]]; then
    echo "$label: $path answered $status" >&2
    exit 1
  fi
  wrk -t1 -c"$connections" -d3s -H "Cookie: SESSION=$session" "$base$path" > /dev/null
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/report.lua" -H "Cookie: SESSION=$session" "$base$path")
  read -r _ p50 p95 p99 rps errors <<< "$(grep '^RESULT' <<< "$out")"
  (( errors == 0 )) || echo "$label: $errors non-2xx answers" >&2
  printf '%-38s %9s %9s %9s %9s\n' "$label" "$p50" "$p95" "$p99" "$rps"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
