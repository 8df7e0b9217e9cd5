/** Zod issues rendered as one readable sentence, in Chinese and in English, naming the field. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodMessage } from "@/server/i18n/zod-message";

const Schema = z.object({
  headName: z.string().trim().min(1).max(20),
  password: z.string().min(8).max(64),
  noticeDays: z.number().int().min(0).max(30),
  phone: z.string().regex(/^1\d{10}$/),
  number: z.string().regex(/^\d+$/, { message: "validation.householdNumber" }),
  status: z.enum(["ACTIVE", "INACTIVE"]),
});
const valid = { headName: "王大山", password: "password1", noticeDays: 7, phone: "13800000001", number: "12", status: "ACTIVE" };

function message(locale: "zh" | "en", input: Record<string, unknown>) {
  const r = Schema.safeParse({ ...valid, ...input });
  if (r.success) throw new Error("expected a validation error");
  return zodMessage(locale, r.error.issues);
}

describe("zodMessage", () => {
  it("too long text", () => {
    expect(message("zh", { headName: "很".repeat(21) })).toBe("填写的内容有误：「户主姓名」太长了（最多 20 个字）");
    expect(message("en", { headName: "x".repeat(21) })).toContain('"Head of household" is too long (at most 20 characters)');
  });

  it("too short text, and empty text as required", () => {
    expect(message("zh", { password: "short" })).toBe("填写的内容有误：「密码」太短了（至少 8 个字）");
    expect(message("en", { password: "short" })).toContain('"Password" is too short (at least 8 characters)');
    expect(message("zh", { headName: "   " })).toBe("填写的内容有误：「户主姓名」不能为空");
    expect(message("en", { headName: "" })).toContain('"Head of household" is required');
  });

  it("missing fields are required", () => {
    expect(message("zh", { headName: undefined })).toBe("填写的内容有误：「户主姓名」不能为空");
    expect(message("en", { phone: undefined })).toContain('"Phone" is required');
  });

  it("numbers out of range and not whole", () => {
    expect(message("zh", { noticeDays: 31 })).toBe("填写的内容有误：「公示天数」不能大于 30");
    expect(message("en", { noticeDays: -1 })).toContain('"Notice days" must be at least 0');
    expect(message("zh", { noticeDays: 1.5 })).toContain("「公示天数」");
  });

  it("wrong format, a catalogue message, and a choice", () => {
    expect(message("zh", { phone: "12345" })).toBe("填写的内容有误：「手机号」格式不对");
    expect(message("en", { phone: "12345" })).toContain('"Phone" has the wrong format');
    expect(message("zh", { number: "A-1" })).toBe("填写的内容有误：「户号」只能包含数字、字母和短横线");
    expect(message("en", { status: "GONE" })).toContain('"Status" must be chosen from the list');
  });

  it("several problems are joined, at most three", () => {
    const zh = message("zh", { headName: "", password: "", phone: "x", noticeDays: 99 });
    expect(zh.split("；")).toHaveLength(3);
    const en = message("en", { headName: "", password: "" });
    expect(en.split("; ")).toHaveLength(2);
  });

  it("a field without a label falls back to its name rather than failing", () => {
    const r = z.object({ somethingNew: z.string().min(1) }).safeParse({ somethingNew: "" });
    expect(zodMessage("en", r.error!.issues)).toContain('"somethingNew" is required');
  });
});
