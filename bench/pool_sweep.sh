#!/usr/bin/env bash
# Pool sizes (PORTAL_DB_POOL) against each other on one data set, interleaved:
# see bench/pool_sweep.py. Not a test.
#   bash bench/pool_sweep.sh                                   # SQLite, a data set loaded at scale 0.1
#   bash bench/pool_sweep.sh --sqlite-dir DIR --postgres-db NAME --sizes 2,4,8,16
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q --bin csp-portal
exec python3 bench/pool_sweep.py "$@"
