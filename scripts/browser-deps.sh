#!/usr/bin/env bash
# Installs a headless Chromium for the report layout test (tasks/decide ReportLayoutTest), which
# renders report.html at 1280 px and measures it. Idempotent and quick: does nothing when a
# chromium is already on PATH. Debian/Ubuntu (apt-get); as root or with sudo.
set -euo pipefail

for browser in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$browser" >/dev/null 2>&1; then
    echo "browser-deps: $browser found at $(command -v "$browser")"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser-deps: no chromium on PATH and no apt-get to install it; install Chromium by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "browser-deps: installing chromium with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
command -v chromium >/dev/null 2>&1 || { echo "browser-deps: chromium still not on PATH" >&2; exit 1; }
echo "browser-deps: chromium installed at $(command -v chromium)"
