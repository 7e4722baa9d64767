#!/usr/bin/env bash
# Benchmark (not a test): serves a large file through Download (signed in)
# and through a download link to many clients at once, and reports
# throughput and the server's memory, which must stay flat: files are
# streamed, never held whole.
#
#   bash bench/downloads.sh                 # 1 GiB file, 20 clients, release build
#   SIZE_MIB=256 CLIENTS=8 bash bench/downloads.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB="${SIZE_MIB:-1024}"
CLIENTS="${CLIENTS:-20}"
PORT="${PORT:-18480}"
PROFILE="${PROFILE:-release}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ "$PROFILE" = release ]; then cargo build --release -q; BIN=target/release/csp-portal; else cargo build -q; BIN=target/debug/csp-portal; fi
export PORTAL_DATA_DIR="$WORK/data" DEMO_PASSWORD="bench-password-1" RUST_LOG=warn

echo "making a ${SIZE_MIB} MiB file"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/big.iso"
"$BIN" demo >/dev/null
"$BIN" files add --product WS2022-DAT --version 2022 --language en-US --bitness 64-bit --name bench.iso "$WORK/big.iso" >/dev/null
rm "$WORK/big.iso"

"$BIN" serve --bind "127.0.0.1:$PORT" >/dev/null &
SERVER=$!
for _ in $(seq 50); do curl -fs "$BASE/health" >/dev/null && break; sleep 0.2; done

jar="$WORK/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$BASE/sign-in" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
  --data-urlencode "email=admin@northwind.example" --data-urlencode "password=$DEMO_PASSWORD" "$BASE/sign-in"
customers=$(curl -fs -b "$jar" "$BASE/customers")
contoso=$(echo "$customers" | grep -o '/customers/[0-9a-f-]*">Contoso<' | sed 's|/customers/||;s|">Contoso<||')
software=$(curl -fs -b "$jar" "$BASE/customers/$contoso/software")
sub=$(echo "$software" | tr '\n' ' ' | grep -o 'Windows Server 2022 Datacenter</t[hd]>.*' | grep -o "/customers/$contoso/software/[0-9a-f-]*" | head -1 | sed 's|.*/||')
page=$(curl -fs -b "$jar" "$BASE/customers/$contoso/software/$sub?language=en-US&show=1")
file=$(echo "$page" | tr '\n' ' ' | grep -o 'bench.iso</td>.*' | grep -o "/files/[0-9a-f-]*" | head -1 | sed 's|/files/||')
token=$(echo "$page" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
link=$(curl -fs -b "$jar" --data-urlencode "csrf_token=$token" --data-urlencode "file_id=$file" \
  "$BASE/customers/$contoso/software/$sub/links" | grep -o 'id="new-link-url" value="[^"]*"' | sed 's/.*value="//;s/"$//')

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status"; }

run() { # name, curl args...
  local name=$1; shift
  local idle peak=0 start end bytes
  idle=$(rss_kib)
  ( while kill -0 "$SERVER" 2>/dev/null; do rss_kib; sleep 0.05; done ) > "$WORK/rss.$name" &
  local sampler=$!
  start=$(date +%s.%N)
  local pids=()
  for i in $(seq "$CLIENTS"); do
    curl -fs -o /dev/null -w '%{size_download}\n' "$@" > "$WORK/size.$name.$i" &
    pids+=($!)
  done
  wait "${pids[@]}" || echo "some downloads failed" >&2
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/rss.$name" | tail -1)
  bytes=$(cat "$WORK"/size."$name".* | awk '{s+=$1} END {print s}')
  awk -v n="$name" -v b="$bytes" -v s="$start" -v e="$end" -v i="$idle" -v p="$peak" -v c="$CLIENTS" 'BEGIN {
    t = e - s; printf "%-10s %2d clients  %8.1f MiB in %6.2f s = %8.1f MiB/s   RSS idle %6.1f MiB, peak %6.1f MiB (+%.1f MiB)\n",
    n, c, b / 1048576, t, b / 1048576 / t, i / 1024, p / 1024, (p - i) / 1024 }'
}

echo "profile $PROFILE, file ${SIZE_MIB} MiB, $(nproc) cores"
run download -b "$jar" "$BASE/customers/$contoso/software/$sub/files/$file"
run link "$link"
