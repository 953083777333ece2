# The two commands of the README: `make run` opens the app, `make test` runs
# every test. Each first installs what it needs on a fresh Debian or Ubuntu
# machine and skips what is already there. `make package` builds the .deb
# installer and `make package-check` checks what it installs (both release
# builds, so not part of `make test`).
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

SYSTEM_PACKAGES := build-essential pkg-config curl libwebkit2gtk-4.1-dev libgtk-3-dev \
	librsvg2-dev libsoup-3.0-dev libayatana-appindicator3-dev xvfb webkit2gtk-driver poppler-utils \
	desktop-file-utils libxml2-utils xclip

.PHONY: run test package package-check deps system-packages node-packages tauri-driver cli ui bindings

run: system-packages ui
	cargo run --release --bin opmodel-app

# The CLI is built before the UI: on a clean checkout this shows it needs none.
test: deps cli ui
	cargo test --workspace --exclude opmodel-e2e
	cd ui && npm run check && npm test
	bash tests/e2e/run.sh

# The .deb, by Tauri's bundler (the npm package @tauri-apps/cli, run from the
# root, where tauri.conf.json is). It packs the CLI's release binary as
# /usr/bin/opmodel (bundle.linux.deb.files), so that is built first.
package: system-packages ui
	cargo build --release -p opmodel-cli
	ui/node_modules/.bin/tauri build --bundles deb

package-check: package
	bash tests/package/check.sh

deps: system-packages node-packages tauri-driver

system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if ! command -v npm >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is needed: install it from rustup.rs, then run this again"; exit 1; }

# npm ci only when the lockfile changed since the last install.
node-packages: ui/node_modules/.installed
ui/node_modules/.installed: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

tauri-driver: .tools/bin/tauri-driver
.tools/bin/tauri-driver:
	cargo install tauri-driver --version 2.1.0 --locked --root .tools

cli:
	cargo build -p opmodel-cli

ui: node-packages
	cd ui && npm run build

# Rewrites ui/src/lib/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p opmodel-core bindings
