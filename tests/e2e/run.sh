#!/usr/bin/env bash
# Runs the end-to-end test of the real app: Xvfb, tauri-driver with Debian's
# WebKitWebDriver, the app binary built by `cargo test`, and a throwaway
# workspace and data folder. Cleans up by PID, never by name (E2E.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# E2E_PROFILE=release measures the release build (tests/e2e/bench.sh).
profile="${E2E_PROFILE:-debug}"
app="$root/target/$profile/opmodel-app"
driver="$root/.tools/bin/tauri-driver"
[ -x "$app" ] || { echo "e2e: $app is missing: build it first (make test does)"; exit 1; }
[ -x "$driver" ] || { echo "e2e: $driver is missing (make deps installs it)"; exit 1; }

work=$(mktemp -d)
display_number=99
while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do display_number=$((display_number + 1)); done
port=4444
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 2)); done

pids=()
descendants() { local p; for p in $(pgrep -P "$1" || true); do descendants "$p"; echo "$p"; done; }
cleanup() {
  local all=()
  for p in "${pids[@]}"; do all+=($(descendants "$p")); done
  for p in "${all[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${all[@]}" "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb ":$display_number" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done

export DISPLAY=":$display_number"
export OPMODEL_WORKSPACE="$work/e2e.opmodel"
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
"$driver" --port "$port" --native-port $((port + 1)) --native-driver /usr/bin/WebKitWebDriver >"$work/driver.log" 2>&1 &
pids=($! "$xvfb_pid")
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

export OPMODEL_APP="$app" OPMODEL_CLI="$root/target/$profile/opmodel" E2E_ARTIFACTS="$root/tests/artifacts"
export WEBDRIVER_URL="http://127.0.0.1:$port"
status=0
cargo test -p opmodel-e2e "$@" -- --nocapture --test-threads=1 ${E2E_TEST_ARGS:-} || status=$?
[ "$status" -eq 0 ] || { echo "--- tauri-driver log"; tail -50 "$work/driver.log"; }
exit "$status"
