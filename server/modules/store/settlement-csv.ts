/**
 * CSV cells for spreadsheets. Text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe; numbers stay numbers, so that a negative
 * amount such as -1.00 is still summed by Excel instead of being turned into text.
 */
import Papa from "papaparse";

export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number ("-1.00"): a spreadsheet reads it as a number and it cannot run anything. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: CsvCell): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A CSV document from a header and rows. */
export function toCsv(fields: string[], rows: CsvCell[][]): string {
  return Papa.unparse({ fields: fields.map(csvCell), data: rows.map((r) => r.map(csvCell)) }, { escapeFormulae: false });
}

/** Fen as yuan with two decimals ("-1.00"), a plain number for the spreadsheet. */
export function yuanOf(fen: number): string {
  return (fen / 100).toFixed(2);
}
