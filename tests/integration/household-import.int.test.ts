import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { DomainError } from "@/server/lib/errors";
import type { ImportErrorDetail } from "@/server/modules/households/household.schema";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeVillage } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name)).toString("base64");

/** A village whose grids are named as in the fixture files, and its committee. */
async function villageWithGrids() {
  const v = await makeVillage(t.db);
  const [g1, g2] = await Promise.all(
    ["第一网格", "第二网格"].map((name) => t.db.grid.create({ data: { villageId: v.id, name }, select: { id: true, name: true } })),
  );
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  return { v, g1: g1!, g2: g2!, committee, api: callerFor(t.db, committee) };
}

/** What households-bad-rows.csv must be rejected with (line 1 is the header). */
const EXPECTED_BAD_ROWS = [
  { row: 3, number: "", problems: [{ key: "import.problem.numberMissing" }] },
  { row: 5, number: "203", problems: [{ key: "import.problem.numberRepeated", params: { line: "4" } }] },
  { row: 6, number: "205", problems: [{ key: "import.problem.headTooLong" }] },
  { row: 7, number: "206", problems: [{ key: "import.problem.gridUnknown", params: { grid: "第九网格" } }] },
  { row: 8, number: "207", problems: [{ key: "import.problem.memberFormat", params: { text: "郭小宝" } }] },
  { row: 9, number: "208", problems: [{ key: "import.problem.memberFormat", params: { text: "唐海燕(表亲)" } }] },
];

const countIn = (villageId: string) => t.db.household.count({ where: { villageId } });

/** The DomainError behind a rejected tRPC call. */
async function domainErrorOf(p: Promise<unknown>): Promise<DomainError & { message: string; trpc: { code: string; message: string } }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; cause?: unknown };
    expect(err.cause).toBeInstanceOf(DomainError);
    return Object.assign(err.cause as DomainError, { trpc: { code: err.code, message: err.message } });
  }
  throw new Error("expected the call to be rejected");
}

describe("household register import", () => {
  it("a good CSV is checked (nothing written), then imports 10 households with their members and one audit record", async () => {
    const { v, g1, api } = await villageWithGrids();
    const file = { fileName: "households-sample.csv", contentBase64: fixture("households-sample.csv") };

    const check = await api.household.import({ ...file, dryRun: true });
    expect(check).toEqual({ imported: 0, checked: 10, members: 30, dryRun: true });
    expect(await countIn(v.id)).toBe(0);

    const done = await api.household.import(file);
    expect(done).toEqual({ imported: 10, checked: 10, members: 30, dryRun: false });
    expect(await countIn(v.id)).toBe(10);
    expect(await t.db.householdMember.count({ where: { household: { villageId: v.id } } })).toBe(30);

    const list = await api.household.list({ query: "张桂芳" });
    expect(list.items).toHaveLength(1);
    const h102 = await api.household.get({ id: list.items[0]!.id });
    expect(h102).toMatchObject({ number: "102", headName: "张桂芳", address: "西街3号", grid: { name: "第二网格" }, status: "ACTIVE" });
    expect(h102.members.map((m) => [m.name, m.relation])).toEqual([
      ["张桂芳", "HEAD"],
      ["刘德厚", "SPOUSE"],
      ["刘思雨", "CHILD"],
      ["刘浩然", "CHILD"],
    ]);

    // relation words: 妻子/儿子/女儿/儿媳/孙子女; an empty grid cell means no grid
    const all = await t.db.household.findMany({
      where: { villageId: v.id },
      select: { number: true, gridId: true, members: { select: { name: true, relation: true } } },
    });
    const by = new Map(all.map((h) => [h.number, h]));
    expect(by.get("107")!.gridId).toBeNull();
    expect(by.get("101")!.gridId).toBe(g1.id);
    expect(by.get("109")!.members).toEqual(
      expect.arrayContaining([
        { name: "马巧云", relation: "SPOUSE" },
        { name: "吴俊杰", relation: "CHILD" },
        { name: "吴雨桐", relation: "CHILD" },
      ]),
    );
    expect(by.get("108")!.members).toContainEqual({ name: "何小燕", relation: "CHILD_IN_LAW" });
    expect(by.get("106")!.members).toContainEqual({ name: "杨佳怡", relation: "GRANDCHILD" });

    const audit = await t.db.auditLog.findMany({ where: { regionId: v.id, action: "household.import" }, select: { actorRole: true, after: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorRole: "COMMITTEE",
      after: { fileName: "households-sample.csv", households: 10, members: 30 },
    });
    expect((audit[0]!.after as { numbers: string[] }).numbers).toHaveLength(10);
  });

  it("an Excel (.xlsx) register imports the same way", async () => {
    const { v, api } = await villageWithGrids();
    const res = await api.household.import({ fileName: "households-sample.xlsx", contentBase64: fixture("households-sample.xlsx") });
    expect(res).toMatchObject({ imported: 10, checked: 10, members: 30 });
    const numbers = (await t.db.household.findMany({ where: { villageId: v.id }, select: { number: true }, orderBy: { number: "asc" } })).map(
      (h) => h.number,
    );
    expect(numbers).toEqual(["401", "402", "403", "404", "405", "406", "407", "408", "409", "410"]);
  });

  it("a CSV saved by Chinese Excel (GB18030/GBK) is read correctly", async () => {
    const { v, api } = await villageWithGrids();
    await api.household.import({ fileName: "households-gbk.csv", contentBase64: fixture("households-gbk.csv") });
    const rows = await t.db.household.findMany({ where: { villageId: v.id }, select: { number: true, headName: true }, orderBy: { number: "asc" } });
    expect(rows).toEqual([
      { number: "501", headName: "钱满仓" },
      { number: "502", headName: "郑桂芳" },
    ]);
  });

  it("a file with bad rows is rejected with the exact per-row problems, and nothing is written", async () => {
    const { v, api } = await villageWithGrids();
    const file = { fileName: "households-bad-rows.csv", contentBase64: fixture("households-bad-rows.csv") };
    for (const dryRun of [true, false]) {
      const err = await domainErrorOf(api.household.import({ ...file, dryRun }));
      expect(err.code).toBe("IMPORT_HAS_ERRORS");
      expect(err.trpc).toEqual({ code: "BAD_REQUEST", message: "有 6 行有问题，整个文件都没有导入。请按下面的提示修改后重新上传。" });
      const detail = err.detail as ImportErrorDetail;
      expect(detail.total).toBe(8);
      expect(detail.errorCount).toBe(6);
      expect(detail.rows).toEqual(EXPECTED_BAD_ROWS);
    }
    expect(await countIn(v.id)).toBe(0);
    expect(await t.db.auditLog.count({ where: { regionId: v.id } })).toBe(0);
  });

  it("the wrong columns get IMPORT_BAD_COLUMNS naming the missing columns, in Chinese and English", async () => {
    const { v, committee, api } = await villageWithGrids();
    const file = { fileName: "households-wrong-columns.csv", contentBase64: fixture("households-wrong-columns.csv") };
    await expect(api.household.import(file)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "表头不正确：缺少 户号、户主姓名。请使用模板中的列名。",
    });
    await expect(callerFor(t.db, committee, { locale: "en" }).household.import(file)).rejects.toMatchObject({
      message: "Wrong header: missing 户号、户主姓名. Please use the column names of the template.",
    });
    expect(await countIn(v.id)).toBe(0);
  });

  it("a file over 5 MB gets IMPORT_TOO_LARGE with its size; a far bigger one is stopped at the input check", async () => {
    const { v, api } = await villageWithGrids();
    const header = "户号,户主姓名\n";
    const big = Buffer.from(header + "9,某\n".repeat(Math.ceil((5.5 * 1024 * 1024) / 6)));
    const err = await domainErrorOf(api.household.import({ fileName: "big.csv", contentBase64: big.subarray(0, 5.5 * 1024 * 1024).toString("base64") }));
    expect(err.code).toBe("IMPORT_TOO_LARGE");
    expect(err.trpc).toEqual({ code: "PAYLOAD_TOO_LARGE", message: "文件太大（5.5 MB），请上传 5 MB 以内的文件。" });

    const huge = Buffer.alloc(7 * 1024 * 1024, "a").toString("base64");
    await expect(api.household.import({ fileName: "huge.csv", contentBase64: huge })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "填写的内容有误：「文件」太大了（最多 5 MB）",
    });
    expect(await countIn(v.id)).toBe(0);
  });

  it("a 户号 already registered in the village is reported on its row, and nothing is written", async () => {
    const { v, api } = await villageWithGrids();
    await api.household.create({ number: "104", headName: "早已登记" });
    const err = await domainErrorOf(api.household.import({ fileName: "households-sample.csv", contentBase64: fixture("households-sample.csv") }));
    expect(err.code).toBe("IMPORT_HAS_ERRORS");
    expect((err.detail as ImportErrorDetail).rows).toEqual([
      { row: 5, number: "104", problems: [{ key: "import.problem.numberTaken", params: { number: "104" } }] },
    ]);
    expect(await countIn(v.id)).toBe(1);
  });

  it("a 户号 registered by someone else between the check and the write becomes HOUSEHOLD_NUMBER_TAKEN, and nothing is written", async () => {
    const { v, committee, api } = await villageWithGrids();
    await api.household.create({ number: "103", headName: "抢先登记" });
    // Hide existing households from the pre-check, as if the other write landed right after it.
    const blind = new Proxy(t.db, {
      get(target, prop) {
        if (prop === "household") {
          return new Proxy(target.household, {
            get(h, p) {
              if (p === "findMany") return async () => [];
              const value = Reflect.get(h, p, h);
              return typeof value === "function" ? value.bind(h) : value;
            },
          });
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Db;
    await expect(
      callerFor(blind, committee).household.import({ fileName: "households-sample.csv", contentBase64: fixture("households-sample.csv") }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "户号 103 在本村已存在，请换一个户号。" });
    expect(await countIn(v.id)).toBe(1);
  });

  it("unreadable files get IMPORT_BAD_FORMAT; a header without rows gets IMPORT_EMPTY", async () => {
    const { v, api } = await villageWithGrids();
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString("base64");
    for (const fileName of ["register.xlsx", "register.csv", "register.pdf"]) {
      await expect(api.household.import({ fileName, contentBase64: garbage })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "无法读取该文件，请上传 CSV 或 Excel（.xlsx）文件。",
      });
    }
    await expect(
      api.household.import({ fileName: "empty.csv", contentBase64: Buffer.from("户号,户主姓名\n\n").toString("base64") }),
    ).rejects.toMatchObject({ message: "文件里没有数据行。" });
    expect(await countIn(v.id)).toBe(0);
  });

  it("grid workers, supervisors and villagers may not import (FORBIDDEN)", async () => {
    const { v } = await villageWithGrids();
    for (const role of ["GRID_WORKER", "SUPERVISOR", "VILLAGER"] as const) {
      const actor = await makeActor(t.db, role, v.id, role === "GRID_WORKER" ? { gridId: v.gridId } : {});
      await expect(
        callerFor(t.db, actor).household.import({ fileName: "households-sample.csv", contentBase64: fixture("households-sample.csv") }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await countIn(v.id)).toBe(0);
  });
});

