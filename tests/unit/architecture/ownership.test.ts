/** One owner per table and the layering "nevers", checked on the real source tree. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, key, type CheckerConfig } from "./checker";
import { DB_FILE, DB_FILES_EXTRA, INFRASTRUCTURE, OWNERS } from "./owners";
import { NOT_YET_MOVED } from "./not-yet-moved";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCANNED = ["server", "app", "components"];
const SKIP = ["server/db/generated"];

function walk(dir: string, acc: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (SKIP.some((s) => rel.startsWith(s))) continue;
    if (e.isDirectory()) walk(rel, acc);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) acc.push(rel);
  }
  return acc;
}

function isServerAction(target: string) {
  for (const ext of [".ts", ".tsx"]) {
    const p = path.join(ROOT, target + ext);
    if (fs.existsSync(p)) return /^\s*["']use server["']/.test(fs.readFileSync(p, "utf8"));
  }
  return false;
}

const cfg: CheckerConfig = { owners: OWNERS, dbFile: DB_FILE, dbFilesExtra: DB_FILES_EXTRA, infrastructure: INFRASTRUCTURE, isServerAction };

function schemaModels() {
  const schema = fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]!);
}

describe("ownership table", () => {
  it("names every Prisma model exactly once, and only models that exist", () => {
    const models = schemaModels();
    expect(models.length).toBeGreaterThan(20);
    const unlisted = models.filter((m) => !(m in OWNERS));
    expect(unlisted, "models without an owner: add them to tests/unit/architecture/owners.ts and docs/architecture.md").toEqual([]);
    expect(Object.keys(OWNERS).filter((m) => !models.includes(m)), "owners listed for models that do not exist").toEqual([]);
  });

  it("is the table written in docs/architecture.md", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
    const section = doc.split(/^## /m).find((s) => s.startsWith("Who owns which table"));
    expect(section, "docs/architecture.md needs a section 'Who owns which table'").toBeDefined();
    for (const [model, owner] of Object.entries(OWNERS)) {
      expect(section!, `${model} → ${owner}`).toMatch(new RegExp(`\\|\\s*\`${owner}\`\\s*\\|[^\\n]*\`${model}\``));
    }
  });
});

describe("the source tree obeys it", () => {
  const files = SCANNED.flatMap((d) => walk(d));
  const findings = files.flatMap((f) => checkSource(f, fs.readFileSync(path.join(ROOT, f), "utf8"), cfg));
  const allowed = new Set(NOT_YET_MOVED);

  it("scans the tree", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("has no crossing beyond the explicit not-yet-moved list", () => {
    const fresh = findings.map(key).filter((k) => !allowed.has(k));
    expect(fresh, "new crossings: call the owner's service or read face instead").toEqual([]);
  });

  it("keeps the not-yet-moved list exact (remove entries once they are fixed)", () => {
    const found = new Set(findings.map(key));
    expect(NOT_YET_MOVED.filter((k) => !found.has(k)), "stale entries in not-yet-moved.ts").toEqual([]);
  });
});

describe("the checker itself", () => {
  const check = (file: string, text: string) => checkSource(file, text, cfg).map((f) => `${f.rule} ${f.detail}`);

  it("flags a query on another module's model", () => {
    expect(check("server/modules/store/x.repo.ts", "export const f = (db) => db.ledgerAccount.findMany({});")).toEqual([
      "foreign-model LedgerAccount",
    ]);
  });

  it("flags a service that queries the database itself, even its own tables", () => {
    expect(check("server/modules/store/x.service.ts", "const r = await deps.db.shop.findUnique({ where: { id } });")).toEqual([
      "db-outside-repo Shop",
    ]);
  });

  it("flags raw SQL outside a repo and raw SQL naming a foreign table", () => {
    expect(check("server/modules/store/x.service.ts", "await tx.$queryRaw`SELECT 1`;")).toEqual(["raw-sql-outside-repo $queryRaw"]);
    expect(check("server/modules/awards/a.repo.ts", 'await tx.$queryRaw`SELECT * FROM "LedgerPosting" WHERE x = ${1}`;')).toEqual([
      "foreign-model LedgerPosting",
    ]);
  });

  it("accepts a repo querying its own tables", () => {
    expect(check("server/modules/store/store.repo.ts", 'db.shop.findMany({}); db.$queryRaw`SELECT * FROM "Shop"`;')).toEqual([]);
    expect(check("server/ledger/read.ts", "db.ledgerPosting.findMany({})")).toEqual([]);
  });

  it("flags importing another module's repo, but not its read face or service", () => {
    expect(check("server/modules/store/x.service.ts", 'import { f } from "@/server/modules/awards/award.repo";')).toEqual([
      "foreign-repo server/modules/awards/award.repo",
    ]);
    expect(check("server/modules/awards/y.service.ts", 'import { f } from "./award.repo";')).toEqual([]);
    expect(check("server/modules/store/x.service.ts", 'import { f } from "@/server/modules/households/household.read";')).toEqual([]);
  });

  it("flags a router that reaches Prisma or the database", () => {
    expect(check("server/trpc/routers/x.ts", 'import { Prisma } from "@prisma/client";')).toContain("router-db @prisma/client");
    expect(check("server/trpc/routers/x.ts", 'import { db } from "@/server/db";')).toContain("router-db @/server/db");
    expect(check("server/trpc/routers/x.ts", "ctx.db.shop.findMany({})")).toContain("router-db Shop");
  });

  it("flags a module or the ledger importing tRPC", () => {
    expect(check("server/modules/store/x.service.ts", 'import { TRPCError } from "@trpc/server";')).toEqual(["module-trpc @trpc/server"]);
    expect(check("server/ledger/x.ts", 'import { t } from "@/server/trpc/init";')).toEqual(["module-trpc @/server/trpc/init"]);
  });

  it("flags the ledger importing a domain module", () => {
    expect(check("server/ledger/x.ts", 'import { f } from "@/server/modules/awards/award.service";')).toEqual([
      "ledger-domain server/modules/awards/award.service",
    ]);
  });

  it("flags a domain or auth borrowing another domain's schema or policy for its words (types are fine)", () => {
    expect(check("server/modules/store/store.schema.ts", 'import { ZId } from "../accounts/account.schema";')).toEqual([
      "foreign-vocabulary server/modules/accounts/account.schema",
    ]);
    expect(check("server/modules/store/store.policy.ts", 'import { shanghaiDate } from "@/server/modules/awards/award.policy";')).toEqual([
      "foreign-vocabulary server/modules/awards/award.policy",
    ]);
    expect(check("server/auth/options.ts", 'import { ZSignInInput } from "@/server/modules/accounts/account.schema";')).toEqual([
      "foreign-vocabulary server/modules/accounts/account.schema",
    ]);
    expect(check("server/modules/awards/award.service.ts", 'import { ZReason } from "./award.schema";')).toEqual([]);
    expect(check("server/modules/events/event.service.ts", 'import type { RuleGroup } from "../rules/rule.schema";')).toEqual([]);
    expect(check("server/modules/events/event.service.ts", 'import { ZId } from "@/server/lib/words.schema";')).toEqual([]);
    // a router names the inputs of its domain: that is what schemas are for
    expect(check("server/trpc/routers/store.ts", 'import { ZRedeemInput } from "@/server/modules/store/store.schema";')).toEqual([]);
  });

  it("flags a database client taken from anywhere but appDeps()", () => {
    expect(check("server/auth/actions.ts", 'import { getDb } from "@/server/db";\nconst a = loadActor(getDb(), id);')).toEqual(["composition-root getDb"]);
    expect(check("server/jobs/timer.ts", "const db = createPrisma();")).toEqual(["composition-root createPrisma"]);
    expect(check("app/x/page.tsx", "const db = new PrismaClient({});")).toEqual(["composition-root PrismaClient"]);
    expect(check("server/auth/actions.ts", "const a = loadActor(appDeps().db, id);")).toEqual([]);
    expect(check("server/lib/deps.ts", "const db = createPrisma();")).toEqual([]);
  });

  it("keeps the kernel at the bottom, and its schema files client-safe", () => {
    expect(check("server/lib/words.schema.ts", 'import { ZId } from "@/server/modules/accounts/account.schema";')).toEqual([
      "kernel-not-client-safe @/server/modules/accounts/account.schema",
      "kernel-upward server/modules/accounts/account.schema",
    ]);
    expect(check("server/lib/qr-token.ts", 'import { can } from "@/server/auth/permissions";')).toEqual(["kernel-upward server/auth/permissions"]);
    expect(check("server/lib/codes.schema.ts", 'import { createHmac } from "node:crypto";')).toEqual(["kernel-not-client-safe node:crypto"]);
    expect(check("server/lib/codes.schema.ts", 'import { z } from "zod";\nimport { ZId } from "./words.schema";')).toEqual([]);
    expect(check("server/lib/qr-token.ts", 'import { createHmac } from "node:crypto";\nimport { CARD_PREFIX } from "./codes.schema";')).toEqual([]);
  });

  it("flags client code importing server code other than schemas (types and server actions are fine)", () => {
    const client = (imp: string) => check("components/x/y.tsx", `"use client";\n${imp}\nexport const A = 1;`);
    expect(client('import { db } from "@/server/db";')).toEqual(["client-server server/db"]);
    expect(client('import { ZId } from "@/server/modules/accounts/account.schema";')).toEqual([]);
    expect(client('import type { AppRouter } from "@/server/trpc/root";')).toEqual([]);
    expect(client('import { setLanguage } from "@/server/auth/actions";')).toEqual([]);
    // the same import in a server component is fine
    expect(check("components/x/y.tsx", 'import { db } from "@/server/db";')).toEqual([]);
  });
});
