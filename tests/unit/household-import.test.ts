/** Reading the 家庭成员 column of a household register file. */
import { describe, expect, it } from "vitest";
import { parseMembers } from "@/server/modules/households/household-import";

describe("parseMembers", () => {
  it("reads names with their relation in Chinese or ASCII brackets, separated by 、，,;；", () => {
    expect(parseMembers("李四(配偶)、李小明（子女）,王奶奶(奶奶)；李小红（女儿）;赵六(兄弟)")).toEqual({
      members: [
        { name: "李四", relation: "SPOUSE" },
        { name: "李小明", relation: "CHILD" },
        { name: "王奶奶", relation: "GRANDPARENT" },
        { name: "李小红", relation: "CHILD" },
        { name: "赵六", relation: "SIBLING" },
      ],
      bad: [],
    });
  });

  it("accepts English relation words in any case and spaces around the parts", () => {
    expect(parseMembers(" Li Si ( Spouse ) , Ming (child)")).toEqual({
      members: [
        { name: "Li Si", relation: "SPOUSE" },
        { name: "Ming", relation: "CHILD" },
      ],
      bad: [],
    });
  });

  it("an empty cell means no members", () => {
    expect(parseMembers("")).toEqual({ members: [], bad: [] });
    expect(parseMembers(" 、 ")).toEqual({ members: [], bad: [] });
  });

  it("reports parts without a relation, with an unknown relation or with an over-long name", () => {
    const { members, bad } = parseMembers(`李四、王五(表哥)、${"很".repeat(21)}(子女)、赵六(配偶)`);
    expect(members).toEqual([{ name: "赵六", relation: "SPOUSE" }]);
    expect(bad).toEqual(["李四", "王五(表哥)", `${"很".repeat(21)}(子女)`]);
  });

  it("never makes anyone the head: 户主 is not a member relation", () => {
    const { members, bad } = parseMembers("张三(户主)");
    expect(members).toEqual([]);
    expect(bad).toEqual(["张三(户主)"]);
  });
});
