import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkZipSizes, readTable } from "@/server/modules/households/household-import";

async function xlsxOf(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("农户名册");
  sheet.addRow(["户号", "户主姓名"]);
  for (let i = 1; i <= rows; i++) sheet.addRow([String(i), "张三"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("import limits before parsing", () => {
  it("an .xlsx over the row limit is refused while streaming, naming the limit", async () => {
    await expect(readTable("a.xlsx", await xlsxOf(30), 20)).rejects.toMatchObject({ code: "IMPORT_TOO_MANY_ROWS", params: { max: 20 } });
    expect(await readTable("a.xlsx", await xlsxOf(20), 20)).toHaveLength(21);
  });

  it("a CSV over the row limit is refused; empty lines do not count", async () => {
    const csv = ["户号,户主姓名", ...Array.from({ length: 30 }, (_, i) => `${i + 1},张三`)].join("\n");
    await expect(readTable("a.csv", Buffer.from(csv), 20)).rejects.toMatchObject({ code: "IMPORT_TOO_MANY_ROWS" });
    const within = ["户号,户主姓名", "", ...Array.from({ length: 20 }, (_, i) => `${i + 1},张三`), ""].join("\n");
    expect((await readTable("a.csv", Buffer.from(within), 20)).length).toBeGreaterThan(20);
  });

  it("a zip that declares more unpacked bytes than allowed is refused before unzipping", async () => {
    const bytes = await xlsxOf(5);
    expect(() => checkZipSizes(bytes, 1024)).toThrow(expect.objectContaining({ code: "IMPORT_UNPACKED_TOO_LARGE" }));
    expect(() => checkZipSizes(bytes)).not.toThrow();
    await expect(readTable("a.xlsx", Buffer.from("not a zip at all, just text"))).rejects.toMatchObject({ code: "IMPORT_BAD_FORMAT" });
  });
});
