import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** Set E2E_BASE_URL (e.g. http://localhost:3000) to run against a server that is already running. */
const external = process.env.E2E_BASE_URL;

/**
 * Runs against the production build (`npm run build` first) on an in-memory PGlite with demo data,
 * as a 360×740 phone in Debian's Chromium.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    ...devices["Pixel 5"],
    viewport: { width: 360, height: 740 },
    // 1 CSS px = 1 image px: screenshots are 360×740, as docs/screenshots shows them
    deviceScaleFactor: 1,
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The sign-in golden paths run first, on the untouched demo data (their screenshots go to
  // docs/screenshots); the flows that add households and villages run after them.
  projects: [
    { name: "signin", testMatch: /signin\.spec\.ts/, use: { browserName: "chromium" } },
    { name: "flows", testIgnore: /signin\.spec\.ts/, dependencies: ["signin"], use: { browserName: "chromium" } },
  ],
  webServer: external
    ? undefined
    : {
        command: `NEXT_CMD=start PGLITE_DIR=memory E2E_TEST_HOOKS=1 LOGIN_MAX_FAILURES_IP=1000 node --import tsx scripts/serve.ts -p ${PORT}`,
        url: `http://127.0.0.1:${PORT}/signin`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      },
});
