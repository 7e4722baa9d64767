#!/usr/bin/env bash
# Benchmark (not a test): the server's resident memory before, at its peak
# during, and 60 s after a minute of 32 parallel sign-ins (half right, half
# wrong passwords on addresses nobody has, which must cost a hash too),
# with the Software tab's p50/p99 as read by one signed-in user meanwhile.
#
#   bash bench/signin_memory.sh                 # release build, 32 clients, 60 s
#   CLIENTS=8 SECONDS_=15 bash bench/signin_memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS="${CLIENTS:-32}"
SECONDS_="${SECONDS_:-60}"
AFTER="${AFTER:-60}"
PORT="${PORT:-18481}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" "${SAMPLER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cargo build --release -q
BIN=target/release/csp-portal
export PORTAL_DATA_DIR="$WORK/data" DEMO_PASSWORD="bench-password-1" RUST_LOG=warn PORTAL_JOBS=false
# Lets the load script give each sign-in an address of its own (see there).
export PORTAL_TRUSTED_PROXIES=127.0.0.1
"$BIN" demo >/dev/null
"$BIN" serve --bind "127.0.0.1:$PORT" >/dev/null &
SERVER=$!
for _ in $(seq 50); do curl -fs "$BASE/health" >/dev/null && break; sleep 0.2; done

# The reader's page: Contoso's Software tab.
jar="$WORK/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$BASE/sign-in" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
  --data-urlencode "email=admin@northwind.example" --data-urlencode "password=$DEMO_PASSWORD" "$BASE/sign-in"
contoso=$(curl -fs -b "$jar" "$BASE/customers" | grep -o '/customers/[0-9a-f-]*">Contoso<' | sed 's|/customers/||;s|">Contoso<||')
page="/customers/$contoso/software"

rss_mib() { awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$SERVER/status"; }
sleep 2
idle=$(rss_mib)
( while kill -0 "$SERVER" 2>/dev/null; do rss_mib; echo; sleep 0.1; done ) > "$WORK/rss" &
SAMPLER=$!
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
result=$(python3 bench/signin_load.py 127.0.0.1 "$PORT" "$CLIENTS" "$SECONDS_" "$DEMO_PASSWORD" "$page")
during_load=$(cut -d' ' -f1-3 /proc/loadavg)
peak=$(sort -n "$WORK/rss" | tail -1)
end=$(rss_mib)
sleep "$AFTER"
after=$(rss_mib)
kill "$SAMPLER" 2>/dev/null || true
echo "load average at the end of the load: $during_load"
echo "clients: $CLIENTS for ${SECONDS_} s; hash threads: ${PORTAL_HASH_THREADS:-one per core ($(nproc))}"
echo "result: $result"
echo "RSS MiB: idle $idle, peak $peak (+$(echo "$peak - $idle" | bc)), at end of load $end, ${AFTER} s later $after (+$(echo "$after - $idle" | bc))"
