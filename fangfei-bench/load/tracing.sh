#!/usr/bin/env bash
# Scale test of fund tracing (资金穿透, issue 20): loads a bank statement of a million rows through the
# upload page (mapped by the guess, read as it arrives, written by COPY in chunks) and measures its time
# and the server's peak memory, then traces 3 hops through a case graph of 100,000 accounts. It starts
# nothing: point it at a running Fangfei with the demo on (the accounts office and chief), started with
# an upload limit that takes the file (the default 10 MB does not), e.g.
#   java -jar fangfei-app/target/fangfei-app.jar --server.port=8087 --fangfei.embedded-db.port=54387 \
#     --fangfei.data-dir=/tmp/wt-enq20-data --fangfei.bootstrap.initial-password='Bench#Pass2026' \
#     --spring.servlet.multipart.max-file-size=300MB --spring.servlet.multipart.max-request-size=300MB
#
# Usage: fangfei-bench/load/tracing.sh [BASE_URL] [DB_PORT]
# Environment:
#   DATA_DIR          the server's --fangfei.data-dir, where db.sh finds the database password
#   JAVA_PID          the server's process id, for its peak resident memory (VmHWM) before and after
#   ROWS              rows of the statement (default 1000000), ACCOUNTS its counterparties (default 100000)
#   GRAPH_N           accounts of the traced graph (default 100000)
#   RUNS              timed runs of each trace (default 5)
#   STATEMENT_FILE    a statement written before by statement.py (kept), instead of writing one now
#   SEED_ONLY         1: only register the cases and seed the graph (e.g. niced, before the timed runs)
#   INITIAL_PASSWORD  the one-time password of a fresh start (default Bench#Pass2026)
#   PASSWORD          the password office and chief get (default Scale#Load2026)
# A rerun loads the statement again into a fresh matter state (the case's traced data is deleted first)
# and keeps the seeded graph. The statement file is written to a scratch directory and removed at exit.
set -euo pipefail

base=${1:-http://localhost:8087}
db_port=${2:-54387}
rows=${ROWS:-1000000}
accounts=${ACCOUNTS:-100000}
graph_n=${GRAPH_N:-100000}
runs=${RUNS:-5}
initial_password=${INITIAL_PASSWORD:-Bench#Pass2026}
password=${PASSWORD:-Scale#Load2026}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=db.sh
. "$here/db.sh"

for tool in curl psql python3; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done
sql() { psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
hwm() { [[ -n "${JAVA_PID:-}" ]] && awk '/VmHWM|VmRSS/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$JAVA_PID/status"; echo; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check_path=/enquiries
# shellcheck source=sessions.sh
. "$here/sessions.sh"
office=$(session_of office)
chief=$(session_of chief)
token_of() { curl -s -H "Cookie: SESSION=$1" "$base/enquiries" | grep -o '<meta name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"//'; }
office_token=$(token_of "$office")
chief_token=$(token_of "$chief")
api() { curl -sS --fail-with-body -H "Cookie: SESSION=$office" -H "X-CSRF-TOKEN: $office_token" "$@"; }

case_of() { # TITLE: the bench case's id, registered through the API once
  local id
  id=$(sql "select id from case_file where title = '$1' order by id limit 1")
  if [[ -z "$id" ]]; then
    id=$(api -X POST "$base/api/v1/cases" -H 'Content-Type: application/json' --data-binary @- << JSON \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
{"title":"$1","origin":"LEGACY","path":"CRIMINAL","stage":"FILED","stageOn":"$(date +%F)",
 "docNumber":"会公(经)立字〔2026〕$RANDOM号","unit":"会宁县公安局","regionCode":"620422000000",
 "amountRaised":"900000000","participantsCount":100000}
JSON
)
  fi
  echo "$id"
}

# --- a million-row statement --------------------------------------------------------------------
big=$(case_of '压测：百万流水案')
enquiry=$(sql "select id from enquiry where matter_kind = 'CASE' and matter_id = $big and status = 'APPROVED' order by id limit 1")
if [[ -z "$enquiry" ]]; then
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: SESSION=$office" -H "X-CSRF-TOKEN: $office_token" \
    --data-urlencode kind=ENQUIRY --data-urlencode matterKind=CASE --data-urlencode "matterId=$big" \
    --data-urlencode bank=会宁县农村信用合作联社压测 --data-urlencode periodFrom=2024-01-01 --data-urlencode periodTo=2025-12-31 \
    --data-urlencode reason=压测 --data-urlencode "accounts=6228480099990000001 会宁县压测归集有限公司" "$base/enquiries")
  enquiry=${location##*/}
  curl -s -o /dev/null -H "Cookie: SESSION=$chief" -H "X-CSRF-TOKEN: $chief_token" --data-urlencode approve=true \
    --data-urlencode note=同意 "$base/enquiries/$enquiry/decision"
fi
[[ "$(sql "select status from enquiry where id = $enquiry")" == APPROVED ]] || { echo "enquiry $enquiry not approved" >&2; exit 1; }
sql "delete from trace_alert where matter_kind = 'CASE' and matter_id = $big;
     delete from trace_flow where matter_kind = 'CASE' and matter_id = $big;
     delete from trace_account where matter_kind = 'CASE' and matter_id = $big;
     delete from statement where matter_kind = 'CASE' and matter_id = $big;
     delete from statement_mapping where bank = '会宁县农村信用合作联社压测'"
if [[ "${SEED_ONLY:-0}" != 1 ]]; then
statement=${STATEMENT_FILE:-$work/statement.csv}
[[ -s "$statement" ]] || python3 "$here/statement.py" "$statement" "$rows" "$accounts"
echo "statement: $(( $(wc -l < "$statement") )) lines, $(du -m "$statement" | cut -f1) MB; server before: $(hwm)"
jar="$work/office.jar"
printf 'localhost\tFALSE\t/\tFALSE\t0\tSESSION\t%s\n' "$office" > "$jar"
seconds=$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" -c "$jar" -H "X-CSRF-TOKEN: $office_token" \
  -F "file=@$statement;filename=对账单.csv" -F account= "$base/enquiries/$enquiry/statements")
done_text=$(curl -s -b "$jar" "$base/enquiries/$enquiry" | grep -o 'id="done">[^<]*\|id="action-error">[^<]*' | sed 's/id="[a-z-]*">//' || true)
echo "upload, map and load: ${seconds} s — ${done_text:-no message (see the server log)}; server after: $(hwm)"
echo "flows: $(sql "select count(*) from trace_flow where matter_kind = 'CASE' and matter_id = $big"), accounts: $(sql "select count(*) from trace_account where matter_kind = 'CASE' and matter_id = $big")"
rm -f "$work/statement.csv"
fi

# --- a graph of 100,000 accounts ----------------------------------------------------------------
graph=$(case_of '压测：十万账户资金图')
if (( $(sql "select count(*) from trace_account where matter_kind = 'CASE' and matter_id = $graph") < graph_n )); then
  echo "seeding a graph of $graph_n accounts"
  psql -h localhost -p "$db_port" -U postgres -d fangfei -X -q -v case="$graph" -v n="$graph_n" -f "$here/seed-trace-graph.sql" > /dev/null
fi
[[ "${SEED_ONLY:-0}" == 1 ]] && exit 0
echo "graph: $(sql "select count(*) from trace_account where matter_kind = 'CASE' and matter_id = $graph") accounts, $(sql "select count(*) from trace_flow where matter_kind = 'CASE' and matter_id = $graph") flows"
first() { sql "select id from trace_account where matter_kind = 'CASE' and matter_id = $graph and holder = '$1'"; }
measure() { # LABEL PATH: min and median of $runs timed requests (after one warm-up)
  local label=$1 path=$2 t times=()
  curl -s -o /dev/null -H "Cookie: SESSION=$office" "$base$path"
  for ((r = 0; r < runs; r++)); do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: SESSION=$office" "$base$path")
    [[ ${t%% *} == 200 ]] || { echo "$label: HTTP ${t%% *}" >&2; exit 1; }
    times+=("${t#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR] = $1} END {printf "%-58s min %.3f s  median %.3f s\n", l, a[1], a[int((NR + 1) / 2)]}'
}
collection=$(first 归集账户1)
controller=$(first 实控人11)
participant=$(first 参与人5000)
measure "3 hops forward from a collection account (graph JSON)" "/tracing/CASE/$graph/graph?from=$collection&forward=true&hops=3"
measure "3 hops backward from a controller (graph JSON)" "/tracing/CASE/$graph/graph?from=$controller&forward=false&hops=3"
measure "3 hops forward from a participant (graph JSON)" "/tracing/CASE/$graph/graph?from=$participant&forward=true&hops=3"
measure "3 hops forward from a collection account (page)" "/tracing/CASE/$graph?from=$collection&forward=true&hops=3"
hub=$(sql "select account_id from statement where matter_kind = 'CASE' and matter_id = $big limit 1")
measure "3 hops forward from the million-row statement's account (JSON)" "/tracing/CASE/$big/graph?from=$hub&forward=true&hops=3"
