#!/usr/bin/env bash
# Scale test of the statistical forms (统计报表, docs/reports.md) and the monthly ledger (月度动态台账,
# docs/ledger.md): seeds 1,000,000 subjects and 1,000,000 clues if needed (seed-subjects.sql,
# seed-clues.sql, about 3 + 5 minutes), then times a township's monthly ledger (generate, RUNS
# times each: 会师镇, the largest township, for the seventh-last month, and 河畔镇 for last month),
# the county's forms for a month and for a year (each form RUNS times, wall-clock per request),
# and measures with wrk the drill-downs behind their numbers (p50/p95/p99). It starts nothing:
# point it at a running Fangfei started with the README's command, e.g.
#   java -jar fangfei-app/target/fangfei-app.jar --server.port=8083 --fangfei.embedded-db.port=54383 \
#     --fangfei.data-dir=/tmp/wt-perf15-data --fangfei.bootstrap.initial-password='Bench#Pass2026'
# Every ledger generation adds a version (the ledgers generated stay, as in use).
#
# Usage: fangfei-bench/load/reports.sh [BASE_URL] [DB_PORT] [SECONDS]
#   e.g. DATA_DIR=/tmp/wt-report-data fangfei-bench/load/reports.sh http://localhost:8081 54381 10
#
# Environment: DATA_DIR, SEED_N (clues and subjects, default 1000000), INITIAL_PASSWORD, PASSWORD
# as in clues.sh; RUNS (default 5); PARTS (default "ledgers forms drills": which of the three to
# time, e.g. PARTS=forms for the county forms alone).
#
# Needs curl, wrk, psql and python3. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8093}
db_port=${2:-54393}
seconds=${3:-10}
seed_n=${SEED_N:-1000000}
runs=${RUNS:-5}
parts=" ${PARTS:-ledgers forms drills} "
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac
for tool in curl wrk psql python3; do
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
seeded=$(sql "select count(*) from clue where created_by = 'seed'")
if (( seeded < seed_n )); then
  echo "seeding $seed_n clues (found $seeded)"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v n="$seed_n" -f "$here/seed-clues.sql"
fi
sql "analyze clue; analyze clue_event; analyze clue_step; analyze subject" > /dev/null
echo "clues: $(sql 'select count(*) from clue'), steps: $(sql 'select count(*) from clue_step')," \
  "timeline entries: $(sql 'select count(*) from clue_event'), subjects: $(sql 'select count(*) from subject')"

# --- accounts ---------------------------------------------------------------------------
check_path=/reports
# shellcheck source=sessions.sh
. "$here/sessions.sh"
office=$(session_of office)
huishi=$(session_of huishi)
session_of hepan > /dev/null

# --- the monthly ledger (generate) --------------------------------------------------------
ledger_month() {
  date -d "$(date +%Y-%m-01) -$1 month" +%Y-%m
}
if [[ "$parts" == *" ledgers "* ]]; then
printf '%-46s %s\n' "ledger (township, generate; wall-clock)" "seconds, $runs runs"
for entry in "huishi $(ledger_month 7)" "hepan $(ledger_month 1)"; do
  read -r account month <<< "$entry"
  token=$(csrf "$work/$account.jar" /ledgers)
  times=()
  for _ in $(seq "$runs"); do
    t=$(curl -s -b "$work/$account.jar" -o /dev/null -w '%{http_code} %{time_total}' --data-urlencode "month=$month" \
      --data-urlencode "_csrf=$token" "$base/ledgers/generate")
    [[ "$t" == 302* ]] || { echo "generating $account $month answered $t" >&2; exit 1; }
    times+=("${t#302 }")
  done
  printf '%-46s %s\n' "$account $month" "${times[*]}"
done
echo "ledgers generated: $(sql "select string_agg(r.name || ' ' || x.month || ': ' || jsonb_array_length(x.content::jsonb -> 'sections' -> 1 -> 'rows') || ' subjects, ' || jsonb_array_length(x.content::jsonb -> 'sections' -> 2 -> 'rows') || ' clues', '; ') from (select distinct on (l.region_code) l.region_code, l.month, v.content from ledger l join ledger_version v on v.ledger_id = l.id where l.region_code in ('620422100000', '620422102000') order by l.region_code, v.generated_at desc) x join region r on r.code = x.region_code")"
fi

form() {
  sql "select id from report_form where code = '$1'"
}
month_from=$(date -d "$(date +%Y-%m-01) -1 month" +%F)
month_to=$(date -d "$(date +%Y-%m-01) -1 day" +%F)
year_from=$(date -d "$(date +%F) -364 days" +%F)
today=$(date +%F)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$parts" == *" forms "* ]]; then
printf '%-46s %s\n' "form (county, wall-clock per request)" "seconds, $runs runs"
for code in 004-clues 004-work 004-cross; do
  id=$(form "$code")
  for period in "$month_from $month_to" "$year_from $today"; do
    read -r from to <<< "$period"
    path="/reports/$id?from=$from&to=$to&region=620422000000"
    times=()
    for _ in $(seq "$runs"); do
      t=$(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' -H "Cookie: SESSION=$office" "$base$path")
      [[ "$t" == 200* ]] || { echo "$path answered $t" >&2; exit 1; }
      times+=("${t#200 }")
    done
    printf '%-46s %s\n' "$code $from..$to" "${times[*]}"
  done
done
fi

cat > "$work/report.lua" << 'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.errors.status))
end
LUA
drill="/reports/drill?from=$month_from&to=$month_to"
cases=(
  "county received, last month|office|$drill&measure=clue.received&region=620422000000"
  "county received, last month, page 20|office|$drill&measure=clue.received&region=620422000000&page=20"
  "county received TIP, last year|office|/reports/drill?from=$year_from&to=$today&measure=clue.received&param=TIP&region=620422000000"
  "county closed, last month|office|$drill&measure=clue.closed&region=620422000000"
  "county overdue at end of last month|office|$drill&measure=clue.overdue&region=620422000000"
  "county determined, last month|office|$drill&measure=clue.determined&region=620422000000"
  "county subjects registered, last year|office|/reports/drill?from=$year_from&to=$today&measure=subject.registered&region=620422000000"
  "township received, last month (huishi)|huishi|$drill&measure=clue.received&region=620422100000"
  "township closed, last month (huishi)|huishi|$drill&measure=clue.closed&region=620422100000"
  "township overdue, end of last month (huishi)|huishi|$drill&measure=clue.overdue&region=620422100000"
  "township determined, last month (huishi)|huishi|$drill&measure=clue.determined&region=620422100000"
  "village closed, last month (620422100001)|huishi|$drill&measure=clue.closed&region=620422100001"
  "village overdue, end of last month (…001)|huishi|$drill&measure=clue.overdue&region=620422100001"
  "village determined, last month (…001)|huishi|$drill&measure=clue.determined&region=620422100001"
)
[[ "$parts" == *" drills "* ]] || cases=()
(( ${#cases[@]} == 0 )) || printf '%-46s %8s %8s %8s %8s\n' "drill-down" "p50 ms" "p95 ms" "p99 ms" "req/s"
for entry in "${cases[@]}"; do
  IFS='|' read -r label account path <<< "$entry"
  session=$([[ "$account" == office ]] && echo "$office" || echo "$huishi")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$base$path")
  [[ "$status" == 200 ]] || { echo "$label: $path answered $status" >&2; exit 1; }
  wrk -t1 -c1 -d3s -H "Cookie: SESSION=$session" "$base$path" > /dev/null
  out=$(wrk -t1 -c1 -d"${seconds}s" -s "$work/report.lua" -H "Cookie: SESSION=$session" "$base$path")
  read -r _ p50 p95 p99 rps errors <<< "$(grep '^RESULT' <<< "$out")"
  (( errors == 0 )) || echo "$label: $errors non-2xx answers" >&2
  printf '%-46s %8s %8s %8s %8s\n' "$label" "$p50" "$p95" "$p99" "$rps"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
