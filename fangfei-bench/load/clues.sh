#!/usr/bin/env bash
# Scale test of the clues (线索): seeds synthetic clues if needed, then measures with wrk the
# scoped, filtered list (API and page), the dashboard, and intake through the API, and prints
# p50/p95/p99 and req/s per case. It starts nothing: point it at a running Fangfei.
#
# Usage: fangfei-bench/load/clues.sh [BASE_URL] [DB_PORT] [SECONDS]
#   e.g. fangfei-bench/load/clues.sh http://localhost:8093 54393 10
#
# BASE_URL  a running Fangfei on this machine (default http://localhost:8093), started e.g. with
#             java -jar fangfei-app/target/fangfei-app.jar --server.port=8093 \
#               --fangfei.embedded-db.port=54393 --fangfei.data-dir=/tmp/clueperf-data \
#               --fangfei.bootstrap.initial-password='Bench#Pass2026'
# DB_PORT   its embedded PostgreSQL; reached as psql -h localhost -p DB_PORT -U postgres -d fangfei
# SECONDS   measured seconds per case, after a 3 s warm-up (default 10)
#
# Environment:
#   DATA_DIR          the server's --fangfei.data-dir, where db.sh finds the database password
#                     (default ./data; or set PGPASSWORD)
#   SEED_N            clues to seed (default 1000000); seeding runs only when fewer seeded clues are
#                     present (fangfei-bench/load/seed-clues.sql, a few minutes)
#   INITIAL_PASSWORD  the one-time password of a fresh start (default Bench#Pass2026)
#   PASSWORD          the password office, huishi and market get (default Scale#Load2026)
#   ONLY              measure only the cases whose label matches this extended regex
#   CONNECTIONS       wrk connections for the reads (default 1: on loopback, latency at -c1 is close
#                     to server time)
#   INTAKE            intake concurrencies to measure (default "4 8 16"); "" skips intake, which
#                     writes clues (created_by = office, sourceRef BENCH-...)
#   INTAKE_WARMUP     seconds of intake before measuring it, not counted (default 30)
#
# The township dashboard needs an account with clue:dashboard:view scoped to a township; the demo
# has none, so the script adds one (bench-township: role OFFICE, 会师镇, same password as office)
# straight in the database when it is missing.
#
# Needs curl, wrk, psql and python3. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8093}
db_port=${2:-54393}
seconds=${3:-10}
seed_n=${SEED_N:-1000000}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
connections=${CONNECTIONS:-1}
only=${ONLY:-.}
intake=${INTAKE-4 8 16}
intake_warmup=${INTAKE_WARMUP:-30}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac
[[ "$db_port" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ && "$seed_n" =~ ^[0-9]+$ && "$intake_warmup" =~ ^[0-9]+$ ]] || {
  echo "DB_PORT, SECONDS, SEED_N and INTAKE_WARMUP must be numbers" >&2
  exit 2
}
for tool in curl wrk psql python3; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

sql() {
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- data -------------------------------------------------------------------------------
seeded=$(sql "select count(*) from clue where created_by = 'seed'")
if (( seeded < seed_n )); then
  echo "seeding $seed_n clues (found $seeded)"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v n="$seed_n" -f "$here/seed-clues.sql"
fi
echo "clues in the database: $(sql 'select count(*) from clue'), steps: $(sql 'select count(*) from clue_step')," \
  "timeline entries: $(sql 'select count(*) from clue_event')"
code=$(sql "select code from clue where created_by = 'seed' order by id desc limit 1 offset 5000")

# --- accounts ---------------------------------------------------------------------------
check_path=/clues
# shellcheck source=sessions.sh
. "$here/sessions.sh"

office=$(session_of office)
huishi=$(session_of huishi)
market=$(session_of market)
# a township office for the township dashboard: office's password hash, role OFFICE, 会师镇
sql "insert into app_user (username, display_name, password_hash, region_code, must_change_password, password_changed_at)
     select 'bench-township', '会师镇处非办(压测)', password_hash, '620422100000', false, now() from app_user
     where username = 'office' on conflict (username) do nothing;
     insert into user_role (user_id, role_code) select id, 'OFFICE' from app_user where username = 'bench-township'
     on conflict do nothing;" > /dev/null
township_office=$(session_of bench-township)

# The clues an earlier intake run wrote (all in one village, open, newest) would skew every list
# and dashboard case, and their 待受理 notices every page's inbox badge for office: remove them, here
# and after intake.
forget_bench_clues() {
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -f "$here/forget-bench-clues.sql" \
    | sed 's/^/bench clues removed: /'
}
forget_bench_clues

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
common=$(enc '养老')
rare=$(enc '恒腾')
absent=$(enc '无此标题')

# label | account | path
cases=(
  "API county (office)|office|/api/v1/clues?size=20"
  "API township (huishi)|huishi|/api/v1/clues?size=20"
  "API department (market)|market|/api/v1/clues?size=20"
  "page county (office)|office|/clues"
  "page township (huishi)|huishi|/clues"
  "page department (market)|market|/clues"
  "county state VERIFYING|office|/api/v1/clues?state=VERIFYING"
  "county state REGISTERED|office|/api/v1/clues?state=REGISTERED"
  "county source BANK_REPORT|office|/api/v1/clues?source=BANK_REPORT"
  "county sector ELDERLY_CARE|office|/api/v1/clues?sectorCode=ELDERLY_CARE"
  "county overdue|office|/api/v1/clues?overdue=true"
  "county supervised|office|/api/v1/clues?supervised=true"
  "county mine (office)|office|/api/v1/clues?mine=true"
  "township mine (huishi)|huishi|/api/v1/clues?mine=true"
  "department mine (market)|market|/api/v1/clues?mine=true"
  "township overdue|huishi|/api/v1/clues?overdue=true"
  "county title 养老 (common)|office|/api/v1/clues?text=$common"
  "county title 恒腾 (rare)|office|/api/v1/clues?text=$rare"
  "county title, no match|office|/api/v1/clues?text=$absent"
  "county exact code|office|/api/v1/clues?text=$code"
  "township title 恒腾|huishi|/api/v1/clues?text=$rare"
  "county deep page 50|office|/api/v1/clues?page=50"
  "county CLOSED page 50|office|/api/v1/clues?state=CLOSED&page=50"
  "dashboard API county (office)|office|/api/v1/clues/dashboard"
  "dashboard API township office|township|/api/v1/clues/dashboard"
  "dashboard page county (office)|office|/clues/dashboard"
)

session_for() {
  case "$1" in
    office) echo "$office" ;;
    huishi) echo "$huishi" ;;
    market) echo "$market" ;;
    township) echo "$township_office" ;;
  esac
}

# Other work on the machine skews every figure: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s %8s %8s\n' "case" "p50 ms" "p95 ms" "p99 ms" "req/s"
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
  printf '%-34s %8s %8s %8s %8s\n' "$label" "$p50" "$p95" "$p99" "$rps"
done

# --- intake -------------------------------------------------------------------------------
# POST /api/v1/clues as office, each request with its own sourceRef; one in 25 is major (amount
# 600万 → report upward), all carry an informant (encrypted) and a sector (dictionary check).
if [[ -n "$intake" ]]; then
  token=$(curl -s -H "Cookie: SESSION=$office" "$base/clues/new" | grep -o '<meta name="_csrf" content="[^"]*"' \
    | sed 's/.*content="//;s/"//')
  [[ -n "$token" ]] || { echo "no CSRF token for intake" >&2; exit 1; }
  cat > "$work/intake.lua" << 'LUA'
local counter = 0
local threads = {}
local run = os.getenv("RUN")
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = "SESSION=" .. os.getenv("SESSION")
  wrk.headers["X-CSRF-TOKEN"] = os.getenv("TOKEN")
end
function request()
  counter = counter + 1
  local ref = "BENCH-" .. run .. "-" .. tid .. "-" .. counter
  local amount = (counter % 25 == 0) and "6000000" or "20000"
  local body = '{"source":"HOTLINE","sourceDetail":"12345","sourceRef":"' .. ref .. '",' ..
    '"title":"某公司以高息为诱饵吸收公众存款 ' .. ref .. '","description":"群众来电反映某公司承诺月息3%吸收存款",' ..
    '"regionCode":"620422100001","sectorCode":"ELDERLY_CARE","amount":"' .. amount .. '","peopleCount":12,' ..
    '"informantName":"张三","informantPhone":"13912345678"}'
  return wrk.format(nil, nil, nil, body)
end
function response(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.stderr:write("intake answered " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
  end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.errors.status))
end
LUA
  # warm-up, not counted: until the JIT has compiled the whole intake path the server spends
  # much of the two cores compiling (a fresh server needs tens of seconds of intake)
  RUN="warm$(date +%s%N)" SESSION="$office" TOKEN="$token" wrk -t2 -c4 -d"${intake_warmup}s" -s "$work/intake.lua" \
    "$base/api/v1/clues" > /dev/null
  for c in $intake; do
    before=$(sql "select count(*) from clue where created_by = 'office'")
    out=$(RUN="$(date +%s%N)" SESSION="$office" TOKEN="$token" wrk -t2 -c"$c" -d"${seconds}s" -s "$work/intake.lua" \
      "$base/api/v1/clues")
    after=$(sql "select count(*) from clue where created_by = 'office'")
    read -r _ p50 p95 p99 rps errors <<< "$(grep '^RESULT' <<< "$out")"
    (( errors == 0 )) || echo "intake c=$c: $errors non-2xx answers" >&2
    printf '%-34s %8s %8s %8s %8s  (%d clues written, %.0f clues/s)\n' "intake POST, $c connections" "$p50" "$p95" \
      "$p99" "$rps" $((after - before)) \
      "$(awk -v n=$((after - before)) -v s="$seconds" 'BEGIN {print n / s}')"
  done
  forget_bench_clues
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
