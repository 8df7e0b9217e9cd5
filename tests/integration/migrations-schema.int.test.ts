/** The migrations and schema.prisma describe the same database (see tests/setup/schema-drift.ts). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaDrift, schemaText } from "../setup/schema-drift";

describe("migrations agree with schema.prisma", () => {
  it("has no drift", async () => {
    expect(await schemaDrift()).toEqual([]);
  });

  it("reports a column the migrations lack (self-test on a changed copy of the schema)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mb-schema-"));
    const file = path.join(dir, "schema.prisma");
    const changed = schemaText().replace(/(model Shop \{\n)/, "$1  motto String @default(\"\")\n");
    expect(changed).not.toBe(schemaText());
    // the generator's relative output path is irrelevant to `migrate diff`
    writeFileSync(file, changed);
    const drift = await schemaDrift(file);
    expect(drift).toEqual([expect.stringContaining("only in schema.prisma: column Shop.motto")]);
  });
});
