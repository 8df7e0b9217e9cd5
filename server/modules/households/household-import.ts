/**
 * Importing a household register from CSV or Excel. All or nothing: every row is checked first and,
 * if any row is rejected, the caller gets a per-row report and nothing is written.
 * Columns (Chinese or English headers): 户号/number*, 户主姓名/head*, 住址/address, 网格/grid,
 * 家庭成员/members ("李四(配偶)、李小明(子女)").
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Actor } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
import { gridsOfVillage } from "../regions/place.read";
import { householdScope } from "./household.policy";
import * as repo from "./household.repo";
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_MAX_UNPACKED_BYTES,
  ZHouseholdNumber,
  type ImportErrorDetail,
  type ImportInput,
  type ImportResult,
  type ImportRowError,
} from "./household.schema";

const COLUMNS = {
  number: ["户号", "number", "household number"],
  headName: ["户主姓名", "户主", "head", "head of household"],
  address: ["住址", "地址", "address"],
  grid: ["网格", "grid"],
  members: ["家庭成员", "成员", "members"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["number", "headName"];
/** Rows per INSERT, well under PostgreSQL's 65,535 bind parameters. */
const WRITE_CHUNK = 1000;

const RELATION_WORDS: Record<string, string> = {
  配偶: "SPOUSE", 妻子: "SPOUSE", 丈夫: "SPOUSE", 妻: "SPOUSE", 夫: "SPOUSE", spouse: "SPOUSE",
  子女: "CHILD", 儿子: "CHILD", 女儿: "CHILD", 子: "CHILD", 女: "CHILD", child: "CHILD",
  儿媳: "CHILD_IN_LAW", 女婿: "CHILD_IN_LAW", "child-in-law": "CHILD_IN_LAW",
  父母: "PARENT", 父亲: "PARENT", 母亲: "PARENT", 父: "PARENT", 母: "PARENT", parent: "PARENT",
  祖父母: "GRANDPARENT", 爷爷: "GRANDPARENT", 奶奶: "GRANDPARENT", grandparent: "GRANDPARENT",
  孙子女: "GRANDCHILD", 孙子: "GRANDCHILD", 孙女: "GRANDCHILD", grandchild: "GRANDCHILD",
  兄弟姐妹: "SIBLING", 兄弟: "SIBLING", 姐妹: "SIBLING", sibling: "SIBLING",
  其他: "OTHER", other: "OTHER",
};

type Row = Record<Column, string> & { line: number };
type ParsedMember = { name: string; relation: string };

/**
 * The file's rows as text cells, at most `maxRows` non-empty rows after the header: reading stops at
 * the first row over the limit (IMPORT_TOO_MANY_ROWS), so a file of 300,000 rows is never held whole.
 */
export async function readTable(fileName: string, bytes: Buffer, maxRows = IMPORT_MAX_ROWS): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  const limit = new RowLimit(maxRows);
  if (lower.endsWith(".xlsx")) {
    checkZipSizes(bytes);
    return readXlsx(bytes, limit);
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    const text = decodeText(bytes).replace(/^\uFEFF/, "");
    const out: string[][] = [];
    let over = false;
    Papa.parse<string[]>(text, {
      skipEmptyLines: false,
      step: (result, parser) => {
        const cells = (result.data as unknown[]).map((c) => String(c ?? ""));
        if (!limit.take(cells)) {
          over = true;
          parser.abort();
          return;
        }
        out.push(cells);
      },
    });
    if (over) throw limit.error();
    return out;
  }
  throw new DomainError("IMPORT_BAD_FORMAT");
}

/** Counts non-empty rows; the first non-empty one is the header and does not count. */
class RowLimit {
  private seen = 0;
  constructor(private readonly max: number) {}
  /** false when this row is one too many */
  take(cells: string[]): boolean {
    if (cells.every((c) => c.trim() === "")) return true;
    this.seen += 1;
    return this.seen <= this.max + 1;
  }
  error(): DomainError {
    return new DomainError("IMPORT_TOO_MANY_ROWS", { max: this.max });
  }
}

async function readXlsx(bytes: Buffer, limit: RowLimit): Promise<string[][]> {
  // The streaming reader parses the sheet's XML row by row instead of building the whole workbook.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const out: string[][] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        const cells = ((row.values as unknown[]) ?? []).slice(1).map((v) => cellText(v));
        if (!limit.take(cells)) throw limit.error();
        out.push(cells);
      }
      break; // only the first sheet is the register
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("IMPORT_BAD_FORMAT");
  }
  if (sheets === 0) throw new DomainError("IMPORT_EMPTY");
  return out;
}

/**
 * Reads the sizes an .xlsx (a zip) declares in its central directory and refuses it before any
 * unzipping when they add up to more than IMPORT_MAX_UNPACKED_BYTES. A file that is not a readable zip
 * is IMPORT_BAD_FORMAT; ZIP64 entries (sizes over 4 GB) are too large by definition.
 */
export function checkZipSizes(bytes: Buffer, maxUnpacked = IMPORT_MAX_UNPACKED_BYTES): void {
  const EOCD = 0x06054b50;
  const ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new DomainError("IMPORT_BAD_FORMAT");
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  const tooLarge = () => new DomainError("IMPORT_UNPACKED_TOO_LARGE", { maxMb: Math.round(maxUnpacked / 1024 / 1024) });
  if (entries === 0xffff || at === 0xffffffff) throw tooLarge();
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) throw new DomainError("IMPORT_BAD_FORMAT");
    const unpacked = bytes.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) throw tooLarge();
    total += unpacked;
    if (total > maxUnpacked) throw tooLarge();
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

/**
 * CSV text is UTF-8 (what the template and most tools write) or, very often in China, GB18030/GBK
 * (what Excel writes when a sheet is saved as "CSV" on a Chinese Windows). Anything else is refused.
 */
function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new DomainError("IMPORT_BAD_FORMAT");
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  throw new DomainError("IMPORT_BAD_FORMAT");
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("error" in v) return "";
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((p) => p.text).join("");
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}

function mapHeader(header: string[]): Partial<Record<Column, number>> {
  const index: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const name = h.trim().replace(/\*$/, "").toLowerCase();
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(name) && index[col] === undefined) index[col] = i;
    }
  });
  return index;
}

export function parseMembers(text: string): { members: ParsedMember[]; bad: string[] } {
  const members: ParsedMember[] = [];
  const bad: string[] = [];
  for (const part of text.split(/[、，,;；\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(part);
    const relation = m ? RELATION_WORDS[m[2]!.toLowerCase()] : undefined;
    if (!m || !relation || m[1]!.length > 20) bad.push(part);
    else members.push({ name: m[1]!.trim(), relation });
  }
  return { members, bad };
}

/**
 * Checks (and unless dryRun, writes) a register file.
 * Throws IMPORT_TOO_LARGE, IMPORT_UNPACKED_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_BAD_FORMAT, IMPORT_BAD_COLUMNS, IMPORT_EMPTY,
 * IMPORT_HAS_ERRORS (detail: ImportErrorDetail), HOUSEHOLD_NUMBER_TAKEN (a 户号 registered by
 * someone else between the check and the write).
 */
export async function importHouseholds(deps: Deps, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new DomainError("IMPORT_TOO_LARGE", { sizeMb: (bytes.length / 1024 / 1024).toFixed(1) });
  }
  const table = await readTable(input.fileName, bytes);
  const headerAt = table.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerAt < 0) throw new DomainError("IMPORT_EMPTY");
  const index = mapHeader(table[headerAt]!);
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length) throw new DomainError("IMPORT_BAD_COLUMNS", { missing: missing.map((c) => COLUMNS[c][0]).join("、") });

  const rows: Row[] = [];
  table.slice(headerAt + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const get = (c: Column) => (index[c] === undefined ? "" : (cells[index[c]!] ?? "").trim());
    rows.push({ line: headerAt + i + 2, number: get("number"), headName: get("headName"), address: get("address"), grid: get("grid"), members: get("members") });
  });
  if (rows.length === 0) throw new DomainError("IMPORT_EMPTY");

  const villageId = householdScope(actor).villageId;
  const [grids, taken] = await Promise.all([
    gridsOfVillage(deps.db, villageId),
    repo.takenNumbers(deps.db, villageId, rows.map((r) => r.number)),
  ]);
  const gridByName = new Map(grids.map((g) => [g.name, g.id]));
  const seen = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const valid: { number: string; headName: string; address: string; gridId: string | null; members: ParsedMember[] }[] = [];

  for (const r of rows) {
    const problems: ImportRowError["problems"] = [];
    if (!r.number) problems.push({ key: "import.problem.numberMissing" });
    else if (!ZHouseholdNumber.safeParse(r.number).success) problems.push({ key: "import.problem.numberFormat" });
    else if (taken.has(r.number)) problems.push({ key: "import.problem.numberTaken", params: { number: r.number } });
    else if (seen.has(r.number)) problems.push({ key: "import.problem.numberRepeated", params: { line: String(seen.get(r.number)) } });
    if (r.number && !seen.has(r.number)) seen.set(r.number, r.line);
    if (!r.headName) problems.push({ key: "import.problem.headMissing" });
    else if (r.headName.length > 20) problems.push({ key: "import.problem.headTooLong" });
    if (r.address.length > 100) problems.push({ key: "import.problem.addressTooLong" });
    const gridId = r.grid ? gridByName.get(r.grid) : null;
    if (r.grid && !gridId) problems.push({ key: "import.problem.gridUnknown", params: { grid: r.grid } });
    const { members, bad } = parseMembers(r.members);
    if (bad.length) problems.push({ key: "import.problem.memberFormat", params: { text: bad.slice(0, 3).join("、").slice(0, 60) } });
    if (members.length > 30) problems.push({ key: "import.problem.tooManyMembers" });
    if (problems.length) errors.push({ row: r.line, number: r.number.slice(0, 20), problems });
    else valid.push({ number: r.number, headName: r.headName, address: r.address, gridId: gridId ?? null, members });
  }

  if (errors.length) {
    const detail: ImportErrorDetail = { rows: errors.slice(0, 200), errorCount: errors.length, total: rows.length };
    throw new DomainError("IMPORT_HAS_ERRORS", { count: errors.length }, detail);
  }
  const memberCount = valid.reduce((n, h) => n + 1 + h.members.length, 0);
  if (input.dryRun) return { imported: 0, checked: rows.length, members: memberCount, dryRun: true };

  try {
    await deps.db.$transaction(
      async (tx) => {
        for (let at = 0; at < valid.length; at += WRITE_CHUNK) {
          const chunk = valid.slice(at, at + WRITE_CHUNK);
          const created = await repo.insertHouseholds(
            tx,
            chunk.map((h) => ({ villageId, number: h.number, headName: h.headName, address: h.address, gridId: h.gridId })),
          );
          const idOf = new Map(created.map((c) => [c.number, c.id]));
          // The head first, then the members in file order (they share the transaction's createdAt).
          const members = chunk.flatMap((h) => [
            { householdId: idOf.get(h.number)!, name: h.headName, relation: "HEAD" as const },
            ...h.members.map((m) => ({ householdId: idOf.get(h.number)!, name: m.name, relation: m.relation })),
          ]);
          for (let m = 0; m < members.length; m += WRITE_CHUNK) {
            await repo.insertMembers(tx, members.slice(m, m + WRITE_CHUNK));
          }
        }
        await recordAudit(tx, actor, {
          regionId: villageId,
          action: "household.import",
          entity: "Household",
          entityId: villageId,
          after: { fileName: input.fileName, households: valid.length, members: memberCount, numbers: valid.map((h) => h.number) },
        });
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Someone registered one of these numbers between our check and the write: name it.
    const clash = await repo.firstTakenNumber(deps.db, villageId, valid.map((h) => h.number));
    throw new DomainError("HOUSEHOLD_NUMBER_TAKEN", { number: clash ?? "" });
  }
  return { imported: valid.length, checked: rows.length, members: memberCount, dryRun: false };
}
