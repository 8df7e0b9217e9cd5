/** Phone numbers shown to staff are masked (PIPL): 138****0001. */
import { describe, expect, it } from "vitest";
import { maskPhone } from "@/server/lib/words.schema";

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits of a mobile number", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
    expect(maskPhone("15912345678")).toBe("159****5678");
  });

  it("never shows the middle digits", () => {
    const masked = maskPhone("13912345678");
    expect(masked).not.toContain("1234567");
    expect(masked).not.toContain("2345");
  });

  it("short or empty values are fully hidden", () => {
    expect(maskPhone("")).toBe("****");
    expect(maskPhone("12345")).toBe("****");
  });
});
