#!/usr/bin/env bash
# Installs a headless Chromium and its WebDriver for the browser tests: the report layout test
# (tasks/decide ReportLayoutTest renders report.html at 1280 px and measures it) and the dashboard's
# end-to-end test (tasks/serve DashboardBrowserIT drives chromium through chromedriver with
# Selenium). Idempotent and quick: does nothing when a chromium and a chromedriver are already on
# PATH. Debian/Ubuntu (apt-get); as root or with sudo.
set -euo pipefail

browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser="$candidate"
    break
  fi
done

packages=()
if [ -n "$browser" ]; then
  echo "browser-deps: $browser found at $(command -v "$browser")"
else
  packages+=(chromium)
fi
if command -v chromedriver >/dev/null 2>&1; then
  echo "browser-deps: chromedriver found at $(command -v chromedriver)"
else
  # Debian's driver matches Debian's chromium; a Google Chrome needs its own matching driver.
  packages+=(chromium-driver)
fi
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser-deps: missing ${packages[*]} and no apt-get to install them; install Chromium and chromedriver by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "browser-deps: installing ${packages[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}"
command -v chromium >/dev/null 2>&1 || command -v "${browser:-chromium}" >/dev/null 2>&1 \
  || { echo "browser-deps: chromium still not on PATH" >&2; exit 1; }
command -v chromedriver >/dev/null 2>&1 || { echo "browser-deps: chromedriver still not on PATH" >&2; exit 1; }
echo "browser-deps: chromium and chromedriver ready ($(command -v chromedriver))"
