#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download cannot reach the internet here).
# Installs it, with CJK fonts for the Chinese pages, when missing.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  exit 0
fi
echo "[ensure-chromium] installing chromium and fonts from Debian…"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk fonts-liberation zbar-tools >/dev/null
