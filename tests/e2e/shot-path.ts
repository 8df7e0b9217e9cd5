import path from "node:path";

/**
 * Where e2e screenshots go: test-results/screenshots by default, so a test run leaves the tree clean;
 * `SCREENSHOT_DIR=docs/screenshots npx playwright test` refreshes the committed ones.
 */
export function shotPath(name: string): string {
  return path.join(process.env.SCREENSHOT_DIR ?? "test-results/screenshots", name);
}
