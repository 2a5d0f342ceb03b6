#!/usr/bin/env bash
# Load test of the console's pages and API against a running Fangfei on this machine.
# Usage: fangfei-bench/load/pages.sh USER PASSWORD [BASE_URL] [SECONDS]
#   e.g. fangfei-bench/load/pages.sh office 'Your#Password1' http://localhost:8080 10
# Needs curl and wrk (Debian package wrk). Sends traffic to BASE_URL only, for SECONDS per URL.
set -euo pipefail

user=${1:?user}
password=${2:?password}
base=${3:-http://localhost:8080}
seconds=${4:-10}
case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$base/login"
session=$(awk '$6 == "SESSION" {print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }

urls=(
  "/org/tree"
  "/org/tree/620422000000"
  "/api/v1/regions/tree?parent=620422000000"
  "/api/v1/grids?size=20"
  "/grids?q=%E6%9D%91"
  "/people?q=%E7%8E%8B"
  "/api/v1/people?q=19904220001"
)
echo "warm-up"
wrk -t2 -c4 -d"${seconds}s" -H "Cookie: SESSION=$session" "$base/org/tree/620422000000" > /dev/null
printf '%-45s %10s %10s %10s\n' "url" "req/s" "p50" "p99"
for url in "${urls[@]}"; do
  out=$(wrk -t2 -c4 -d"${seconds}s" --latency -H "Cookie: SESSION=$session" "$base$url")
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$url answered non-2xx: check the account's permissions" >&2
  fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  printf '%-45s %10s %10s %10s\n' "$url" "$rps" "$p50" "$p99"
done
