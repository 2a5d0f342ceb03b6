#!/usr/bin/env bash
# Scale test of the case ledger (案件台账): seeds synthetic cases if needed, then measures the
# scoped, filtered case list, and a case with a million participants (集资参与人): importing its
# register, accepting the claims, computing and writing a refund batch (清退批次), and searching the
# register. It starts nothing: point it at a running Fangfei.
#
# Usage: fangfei-bench/load/cases.sh [BASE_URL] [DB_PORT] [SECONDS]
#   e.g. fangfei-bench/load/cases.sh http://localhost:8094 54394 10
#
# BASE_URL  a running Fangfei on this machine (default http://localhost:8094), started e.g. with
#             java -jar fangfei-app/target/fangfei-app.jar --server.port=8094 \
#               --fangfei.embedded-db.port=54394 --fangfei.data-dir=/tmp/caseperf-data \
#               --fangfei.bootstrap.initial-password='Bench#Pass2026'
# DB_PORT   its embedded PostgreSQL; reached as psql -h localhost -p DB_PORT -U postgres -d fangfei
# SECONDS   measured seconds per read case, after a 3 s warm-up (default 10)
#
# Environment:
#   DATA_DIR          the server's --fangfei.data-dir, where db.sh finds the database password
#   SEED_N            cases to seed (default 100000; fangfei-bench/load/seed-cases.sql)
#   PARTICIPANTS      participants of the large case (default 1000000), imported through the API in
#                     files of FILE_ROWS rows (default 150000: a CSV under the 10 MB upload limit)
#   INITIAL_PASSWORD  the one-time password of a fresh start (default Bench#Pass2026)
#   PASSWORD          the password office, huishi and market get (default Scale#Load2026)
#   ONLY              measure only the read cases whose label matches this extended regex
#   VACUUM_FIRST      1 (default): vacuum the register before the reads, as autovacuum would; 0: not
#
# The large case ("压测：百万参与人案", registered through the API at the refund stage with a realised
# asset) is made once; a rerun finds it and its register and only measures again (a new refund
# batch each run). Needs curl, wrk, psql and python3. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8094}
db_port=${2:-54394}
seconds=${3:-10}
seed_n=${SEED_N:-100000}
participants=${PARTICIPANTS:-1000000}
file_rows=${FILE_ROWS:-150000}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
only=${ONLY:-.}
connections=1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac
[[ "$db_port" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ && "$seed_n" =~ ^[0-9]+$ && "$participants" =~ ^[0-9]+$ \
  && "$file_rows" =~ ^[0-9]+$ ]] || { echo "DB_PORT, SECONDS, SEED_N, PARTICIPANTS and FILE_ROWS must be numbers" >&2; exit 2; }
for tool in curl wrk psql python3; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

sql() {
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"
}
now_ms() { date +%s%3N; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- data -------------------------------------------------------------------------------
seeded=$(sql "select count(*) from case_file where created_by = 'seed'")
if (( seeded < seed_n )); then
  echo "seeding $seed_n cases (found $seeded)"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v n="$seed_n" -f "$here/seed-cases.sql" > /dev/null
fi
echo "cases in the database: $(sql 'select count(*) from case_file'), stages: $(sql 'select count(*) from case_stage')"

# --- accounts ---------------------------------------------------------------------------
check_path=/cases
# shellcheck source=sessions.sh
. "$here/sessions.sh"
office=$(session_of office)
huishi=$(session_of huishi)
market=$(session_of market)
token=$(curl -s -H "Cookie: SESSION=$office" "$base/cases" | grep -o '<meta name="_csrf" content="[^"]*"' \
  | sed 's/.*content="//;s/"//')
[[ -n "$token" ]] || { echo "no CSRF token" >&2; exit 1; }
api() { # METHOD PATH [curl args…]: prints the body, fails on a non-2xx answer
  local method=$1 path=$2; shift 2
  curl -sS --fail-with-body -X "$method" -H "Cookie: SESSION=$office" -H "X-CSRF-TOKEN: $token" "$@" "$base$path"
}
json() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
version() { api GET "/api/v1/cases/$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["view"]["version"])'; }

# --- the large case ---------------------------------------------------------------------
big=$(sql "select id from case_file where title = '压测：百万参与人案' order by id limit 1")
if [[ -z "$big" ]]; then
  big=$(api POST /api/v1/cases -H 'Content-Type: application/json' --data-binary @- << JSON | json id
{"title":"压测：百万参与人案","origin":"LEGACY","path":"CRIMINAL","stage":"REFUND","stageOn":"$(date +%F)",
 "docNumber":"会公(经)清字〔2026〕1号","unit":"会宁县公安局","regionCode":"620422000000","sectorCode":"ELDERLY_CARE",
 "amountRaised":"9000000000","participantsCount":$participants,"directLoss":"6000000000",
 "criminalFiledOn":"2023-03-01"}
JSON
)
  api POST "/api/v1/cases/$big/assets?version=$(version "$big")" -H 'Content-Type: application/json' \
    --data-binary "{\"description\":\"追缴涉案资金\",\"status\":\"REALISED\",\"value\":\"50000000000\",\"realised\":\"50000000000\",\"statusOn\":\"$(date +%F)\"}" > /dev/null
  echo "large case registered: id $big"
fi
if (( $(sql "select count(*) from stability_assessment where case_id = $big and step = 'REFUND_START'") == 0 )); then
  # registered directly at 清退: its refunds wait for the stability risk assessment (三同步)
  api POST /api/v1/stability/assessments -H 'Content-Type: application/json' --data-binary @- > /dev/null << JSON
{"caseId":$big,"step":"REFUND_START","riskLevel":"HIGH","assessedOn":"$(date +%F)","assessedBy":"县处非办",
 "risks":"参与人多，可能聚集","plan":"分批清退，设立咨询点"}
JSON
fi
have=$(sql "select count(*) from case_participant where case_id = $big")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if (( have < participants )); then
  printf '%-44s %8s %10s %10s\n' "register import" "rows" "seconds" "rows/s"
  total_ms=0
  for (( first = have; first < participants; first += file_rows )); do
    n=$(( participants - first < file_rows ? participants - first : file_rows ))
    python3 "$here/participants.py" "$first" "$n" "$work/register.csv"
    start=$(now_ms)
    imported=$(api POST "/api/v1/cases/$big/participants/import" -F "version=$(version "$big")" \
      -F "file=@$work/register.csv;type=text/csv;filename=register.csv" | json imported)
    ms=$(( $(now_ms) - start ))
    total_ms=$(( total_ms + ms ))
    (( imported == n )) || { echo "imported $imported of $n" >&2; exit 1; }
    printf '%-44s %8d %10.1f %10.0f\n' "file from row $first (register had $((first)))" "$n" "$(bc -l <<< "$ms/1000")" \
      "$(bc -l <<< "$n*1000/$ms")"
  done
fi
echo "participants of the large case: $(sql "select count(*) from case_participant where case_id = $big")"
waiting=$(sql "select count(*) from case_participant where case_id = $big and claim = 'CLAIMED'")
if (( waiting > 0 )); then
  start=$(now_ms)
  accepted=$(api POST "/api/v1/cases/$big/participants/accept-waiting?version=$(version "$big")" | json accepted)
  echo "claims accepted at once: $accepted in $(bc -l <<< "scale=1; ($(now_ms) - $start)/1000") s"
fi
start=$(now_ms)
batch=$(api POST "/api/v1/cases/$big/refunds?version=$(version "$big")&amount=1000000.00" | json id)
echo "refund batch of 1,000,000.00 yuan over $(sql "select participants from case_refund_batch where id = $batch") participants:" \
  "computed and written in $(bc -l <<< "scale=1; ($(now_ms) - $start)/1000") s" \
  "(paid out: $(sql "select sum(amount_fen) from case_refund where batch_id = $batch") fen)"

# --- reads --------------------------------------------------------------------------------
# A register of a million rows written minutes ago has not been vacuumed yet, so its counts
# read every row from the heap; autovacuum catches up within minutes on its own. The reads are
# measured as it leaves the tables (VACUUM_FIRST=0 measures them straight after the writes).
if [[ "${VACUUM_FIRST:-1}" == 1 ]]; then
  start=$(now_ms)
  sql "vacuum analyze case_participant" > /dev/null
  sql "vacuum analyze case_refund" > /dev/null
  echo "vacuum analyze of the register and payments: $(bc -l <<< "scale=1; ($(now_ms) - $start)/1000") s"
fi

cat > "$work/report.lua" << 'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.errors.status))
end
LUA
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
some_id=$(python3 -c "import sys; sys.path.insert(0, '$here'); import participants; print(participants.id_number(${participants} // 2))")
common=$(enc '养老')
rare=$(enc '恒腾')
surname=$(enc '王')
name=$(enc '王伟')
code=$(sql "select code from case_file where created_by = 'seed' order by id desc limit 1 offset 5000")

# label | account | path
cases=(
  "cases API county (office)|office|/api/v1/cases?size=20"
  "cases API township (huishi)|huishi|/api/v1/cases?size=20"
  "cases API department (market)|market|/api/v1/cases?size=20"
  "cases page county (office)|office|/cases"
  "cases page township (huishi)|huishi|/cases"
  "cases stage TRIAL|office|/api/v1/cases?stage=TRIAL"
  "cases key cases|office|/api/v1/cases?key=true"
  "cases supervised|office|/api/v1/cases?supervised=true"
  "cases title 养老 (common)|office|/api/v1/cases?text=$common"
  "cases title 恒腾 (rare)|office|/api/v1/cases?text=$rare"
  "cases exact code|office|/api/v1/cases?text=$code"
  "cases deep page 50|office|/api/v1/cases?page=50"
  "participants first page|office|/api/v1/cases/$big/participants"
  "participants by ID number|office|/api/v1/cases/$big/participants?q=$some_id"
  "participants name 王 (common)|office|/api/v1/cases/$big/participants?q=$surname"
  "participants name 王伟|office|/api/v1/cases/$big/participants?q=$name"
  "participants accepted, page 50|office|/api/v1/cases/$big/participants?claim=ACCEPTED&page=50"
  "large case page|office|/cases/$big"
)
session_for() {
  case "$1" in
    office) echo "$office" ;;
    huishi) echo "$huishi" ;;
    market) echo "$market" ;;
  esac
}
printf '%-44s %8s %8s %8s %8s\n' "case" "p50 ms" "p95 ms" "p99 ms" "req/s"
for entry in "${cases[@]}"; do
  IFS='|' read -r label account path <<< "$entry"
  [[ "$label" =~ $only ]] || continue
  session=$(session_for "$account")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$base$path" || echo "incomplete answer")
  if [[ "$status" != 200 ]]; then
    echo "$label: $path answered $status" >&2
    exit 1
  fi
  wrk -t1 -c"$connections" -d3s -H "Cookie: SESSION=$session" "$base$path" > /dev/null
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/report.lua" -H "Cookie: SESSION=$session" "$base$path")
  read -r _ p50 p95 p99 rps errors <<< "$(grep '^RESULT' <<< "$out")"
  (( errors == 0 )) || echo "$label: $errors non-2xx answers" >&2
  printf '%-44s %8s %8s %8s %8s\n' "$label" "$p50" "$p95" "$p99" "$rps"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
