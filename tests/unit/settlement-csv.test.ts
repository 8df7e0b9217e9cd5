import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv, yuanOf } from "@/server/modules/store/settlement-csv";

describe("settlement CSV cells", () => {
  it("writes negative amounts as numbers a spreadsheet can add, not as text", () => {
    const csv = toCsv(["yuan", "points"], [[yuanOf(-100), -1], [yuanOf(250), 3]]);
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[1]).toEqual(["-1.00", "-1"]);
    expect(rows[2]).toEqual(["2.50", "3"]);
  });

  it("still defuses text that would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(csvCell("-1+1|cmd")).toBe("'-1+1|cmd");
    expect(csvCell("+86 138")).toBe("'+86 138");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("退款")).toBe("退款");
    expect(csvCell("-2.5")).toBe("-2.5");
  });
});
