#!/usr/bin/env bash
# Every generated chart is well-formed SVG (xmllint), and headless Chromium
# renders it to a PNG that is not blank (its pixel data holds more than a
# handful of distinct byte values).
set -u
root="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-kvtables}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
for tool in xmllint chromium python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (./tools/setup.sh installs it)"; exit 1; }
done
failures=0
checked=0
for chart in "$@"; do
  checked=$((checked + 1))
  svg="$root/$chart"
  if ! xmllint --noout "$svg" 2>"$tmp/xml.err"; then
    echo "FAIL $chart: not well-formed XML: $(head -n 3 "$tmp/xml.err")"
    failures=$((failures + 1))
    continue
  fi
  if [ "$(xmllint --xpath 'local-name(/*)' "$svg")" != svg ]; then
    echo "FAIL $chart: the root element is not <svg>"
    failures=$((failures + 1))
    continue
  fi
  png="$tmp/chart.png"
  rm -f "$png"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --window-size=800,800 \
    --screenshot="$png" "file://$svg" >"$tmp/chromium.log" 2>&1
  if ! python3 - "$png" <<'EOF_PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
pixels = zlib.decompress(idat)
assert len(set(pixels)) > 16, "blank image"
EOF_PY
  then
    echo "FAIL $chart: Chromium produced no PNG, or a blank one"
    tail -n 5 "$tmp/chromium.log"
    failures=$((failures + 1))
    continue
  fi
  echo "ok   $chart: well-formed, rendered ($(stat -c %s "$png") bytes of PNG)"
done
echo "$checked charts, $failures failed"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
