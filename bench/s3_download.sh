#!/usr/bin/env bash
# Downloads from an S3-compatible bucket (moto) through the portal and via
# presigned redirects, with the portal's memory: see bench/s3_download.py.
#   bash bench/s3_download.sh                       # 1 GiB to 20 clients
#   bash bench/s3_download.sh --size-mib 64         # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
bash .ci/s3-server
cargo build --release -q --bin csp-portal
exec python3 bench/s3_download.py "$@"
