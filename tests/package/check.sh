#!/usr/bin/env bash
# Checks the .deb that `make package` built (`make package-check` runs this
# after it): the app, the CLI on PATH, the desktop entry, the icons and the
# MIME type are in it; the desktop entry passes desktop-file-validate and
# opens .opmodel files; the MIME XML is well formed and maps *.opmodel.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
deb=$(ls -t "$root"/target/release/bundle/deb/*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || { echo "package-check: no .deb in target/release/bundle/deb: run make package first"; exit 1; }
echo "package-check: $deb ($(du -h "$deb" | cut -f1))"

failed=0
fail() { echo "FAIL: $*"; failed=1; }
ok() { echo "ok: $*"; }

contents=$(dpkg-deb --contents "$deb")
desktop="usr/share/applications/Operating Model Planner.desktop"
mime="usr/share/mime/packages/opmodel.xml"
# Each expected path, and the mode it must have (executables for the two binaries).
while IFS='|' read -r path mode; do
  line=""
  # dpkg-deb lists paths with or without a leading ./, depending on how the archive was made.
  while IFS= read -r l; do if [[ "$l" == *" ./$path" || "$l" == *" $path" ]]; then line=$l; fi; done <<<"$contents"
  if [ -z "$line" ]; then fail "$path is not in the package"
  elif [[ "$line" != $mode* ]]; then fail "$path has mode ${line%% *}, expected $mode"
  else ok "$path"; fi
done <<EXPECTED
usr/bin/opmodel-app|-rwxr-xr-x
usr/bin/opmodel|-rwxr-xr-x
$desktop|-rw-r--r--
usr/share/icons/hicolor/32x32/apps/opmodel-app.png|-rw-r--r--
usr/share/icons/hicolor/128x128/apps/opmodel-app.png|-rw-r--r--
usr/share/icons/hicolor/512x512/apps/opmodel-app.png|-rw-r--r--
$mime|-rw-r--r--
EXPECTED

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work"

# The desktop entry: valid, runs the app on the file it is given, declares the type.
entry="$work/$desktop"
if [ -f "$entry" ]; then
  if out=$(desktop-file-validate "$entry" 2>&1) && [ -z "$out" ]; then ok "desktop-file-validate"; else fail "desktop-file-validate: ${out:-failed}"; fi
  grep -qx 'Exec=opmodel-app %f' "$entry" && ok "Exec opens the file given" || fail "Exec is not 'opmodel-app %f': $(grep '^Exec=' "$entry")"
  grep -qx 'MimeType=application/x-opmodel;' "$entry" && ok "MimeType=application/x-opmodel" || fail "no MimeType=application/x-opmodel; in the desktop entry"
  grep -qx 'Icon=opmodel-app' "$entry" && ok "Icon=opmodel-app" || fail "the icon is not opmodel-app"
fi

# The MIME type: well-formed XML, and the database it builds maps *.opmodel to it.
xml="$work/$mime"
if [ -f "$xml" ]; then
  xmllint --noout "$xml" && ok "MIME XML is well formed" || fail "MIME XML is not well formed"
  if command -v update-mime-database >/dev/null; then
    update-mime-database "$work/usr/share/mime" 2>/dev/null || true
    grep -q ':application/x-opmodel:\*\.opmodel' "$work/usr/share/mime/globs2" && ok "*.opmodel is application/x-opmodel" || fail "the MIME database does not map *.opmodel"
  fi
fi

# The CLI runs from where it is installed.
"$work/usr/bin/opmodel" --help >/dev/null 2>&1 && ok "opmodel --help runs" || fail "opmodel --help does not run"

echo "package-check: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), depends: $(dpkg-deb -f "$deb" Depends)"
[ "$failed" -eq 0 ] && echo "package-check: all passed" || { echo "package-check: FAILED"; exit 1; }
