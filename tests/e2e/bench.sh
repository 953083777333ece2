#!/usr/bin/env bash
# The app in a real window, release build, at 3, 1,000 and 10,000 services:
# launch to a drawn table, memory (PSS of the app and its WebKit processes)
# and the time from an edit to its derived cell. Prints a Markdown table for
# docs/performance.md. Needs what `make test` installs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
(cd ui && npm run build)
cargo build --release -p opmodel-app -p opmodel-cli
E2E_PROFILE=release E2E_TEST_ARGS="--ignored" bash tests/e2e/run.sh --test bench
