#!/usr/bin/env bash
# `npm test`: everything CI runs — lint, unit + integration tests (embedded PGlite), the production
# build, typecheck and the Playwright golden paths in Debian's Chromium at a phone viewport.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
T0=$SECONDS
LAST=""
step() {  # prints how long the previous step took, then the next step's title
  [ -n "$LAST" ] && printf '   (%ss)\n' "$((SECONDS - LAST))"
  LAST=$SECONDS
  printf '\n== %s ==\n' "$1"
}
step "tools (Chromium, CJK fonts, zbar from Debian)"; bash scripts/ensure-chromium.sh
step "lint";       npx eslint . --max-warnings 0
step "unit + integration (PGlite)"; npx vitest run
step "build";      npm run build --silent
# after the build, so Next's generated route types in .next are current
step "typecheck";  npx tsc --noEmit
step "e2e (Playwright, Chromium 360x740)"; npx playwright test
printf '   (%ss)\n\nall passed in %ss\n' "$((SECONDS - LAST))" "$((SECONDS - T0))"
