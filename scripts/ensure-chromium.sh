#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download cannot reach the internet here).
# Installs it, with CJK fonts for the Chinese pages, an emoji font, and zbar-tools (the independent QR
# decoder the tests check generated codes with) and poppler-utils (pdftoppm: the household-card PDF is
# rendered to a picture so zbarimg can read its QR codes), when missing.
set -euo pipefail
# (fc-list is read whole first: with pipefail, `fc-list | grep -q` fails when grep stops early)
have_fonts() { local f; f="$(fc-list 2>/dev/null || true)"; grep -qi "Noto Sans CJK" <<<"$f" && grep -qi "Noto Color Emoji" <<<"$f"; }
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && have_fonts && command -v zbarimg >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
echo "[ensure-chromium] installing chromium and fonts from Debian…"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji fonts-liberation zbar-tools poppler-utils >/dev/null
