/**
 * Builds a register .xlsx of 300,000 rows (or --rows N) and measures the import reader refusing it:
 * time and the process's peak RSS. The file is built in a child process so the figure is the
 * reader's alone.
 *   node --import tsx bench/import-limit.ts [--rows 300000]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const rowsArg = process.argv.indexOf("--rows");
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 300_000;
const file = path.join(os.tmpdir(), `mb-import-bench-${process.pid}.xlsx`);

if (process.argv.includes("--build")) {
  const out = process.argv[process.argv.indexOf("--build") + 1]!;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true });
  const sheet = wb.addWorksheet("农户名册");
  sheet.addRow(["户号", "户主姓名", "住址", "网格", "家庭成员"]).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow([String(i % 1000).padStart(6, "0"), "张三", "", "", ""]).commit();
  await wb.commit();
  process.exit(0);
}

execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--build", file, "--rows", String(rows)], { stdio: "inherit" });
const bytes = readFileSync(file);
const { readTable } = await import("@/server/modules/households/household-import");
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const before = process.memoryUsage().rss;
const started = performance.now();
let outcome = "accepted";
try {
  await readTable("big.xlsx", bytes);
} catch (e) {
  outcome = (e as { code?: string }).code ?? String(e);
}
clearInterval(sample);
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
console.log(
  `${rows} rows, ${(statSync(file).size / 1024).toFixed(0)} KB: ${outcome} in ${(performance.now() - started).toFixed(0)} ms; ` +
    `RSS before ${(before / 1048576).toFixed(0)} MB, peak ${(peak / 1048576).toFixed(0)} MB`,
);
rmSync(file, { force: true });
