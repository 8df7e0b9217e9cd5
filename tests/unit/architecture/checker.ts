/**
 * The layering checker: reads TypeScript source with the compiler's parser and reports every place
 * where a file reaches a table it does not own or crosses a layer it must not cross. Pure (text in,
 * findings out) so its own tests can feed it small fake sources.
 */
import path from "node:path";
import ts from "typescript";

export type Rule =
  | "foreign-model" // queries a model another module owns
  | "db-outside-repo" // a file other than a repo/read face queries the database
  | "raw-sql-outside-repo" // raw SQL outside a repo/read face
  | "foreign-repo" // imports another module's repo
  | "router-db" // a tRPC router reaches the database or Prisma
  | "module-trpc" // a domain module (or the ledger) imports tRPC
  | "ledger-domain" // the ledger imports a domain module
  | "client-server" // client code imports server code other than schemas
  | "foreign-vocabulary" // a domain (or auth) borrows another domain's schema or policy: shared words belong in the kernel
  | "kernel-upward" // the kernel (server/lib) imports a module, auth, tRPC, the ledger, jobs or the route wrapper
  | "composition-root" // a database client made or fetched anywhere but appDeps() (server/lib/deps.ts)
  | "kernel-not-client-safe"; // a kernel schema file imports something other than zod and other kernel schemas

export type Finding = { file: string; rule: Rule; detail: string };

export type CheckerConfig = {
  owners: Record<string, string>;
  dbFile: RegExp;
  dbFilesExtra: readonly string[];
  infrastructure: readonly string[];
  /** Whether a repository file (by path from the root) starts with "use server" (server actions are callable from the client). */
  isServerAction?: (file: string) => boolean;
};

/** Prisma's model-delegate methods: `x.<model>.<one of these>` is a query. */
const DELEGATE_METHODS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
]);
const RAW_METHODS = new Set(["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe"]);

/** The one place the app's database client (and the rest of `deps`) is assembled. */
export const COMPOSITION_ROOT = "server/lib/deps.ts";

/** The module a file belongs to, by where it lives. */
export function moduleOf(file: string): string {
  const m = /^server\/modules\/([^/]+)\//.exec(file);
  if (m) return m[1]!;
  if (file.startsWith("server/ledger/")) return "ledger";
  if (file.startsWith("server/auth/")) return "auth";
  if (file.startsWith("server/trpc/routers/")) return "routers";
  if (file.startsWith("server/trpc/")) return "trpc";
  if (file.startsWith("server/jobs/")) return "jobs";
  if (file.startsWith("server/http/")) return "http";
  if (file.startsWith("server/db/")) return "db";
  if (file.startsWith("server/")) return "kernel";
  if (file.startsWith("app/")) return "app";
  if (file.startsWith("components/")) return "components";
  return "other";
}

/** A module specifier as a path from the repository root (no extension), or null for packages. */
export function resolveSpecifier(file: string, spec: string): string | null {
  let p: string;
  if (spec.startsWith("@/")) p = spec.slice(2);
  else if (spec.startsWith(".")) p = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  else return null;
  return p.replace(/\.(tsx?|jsx?|mjs)$/, "");
}

/** What a database handle is called here: `db`, `tx`, `prisma`, or `….db` (deps.db, ctx.db). */
function isDbHandle(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return /^(db|tx|prisma|client)$/.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === "db";
  if (ts.isParenthesizedExpression(e)) return isDbHandle(e.expression);
  return false;
}

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function checkSource(file: string, text: string, cfg: CheckerConfig): Finding[] {
  if (cfg.infrastructure.some((p) => file.startsWith(p))) return [];
  const out: Finding[] = [];
  const mine = moduleOf(file);
  const mayQuery = cfg.dbFile.test(file) || cfg.dbFilesExtra.includes(file);
  const isRouter = mine === "routers";
  const isDomain = file.startsWith("server/modules/") || mine === "ledger";
  const delegates = new Map(Object.entries(cfg.owners).map(([model, owner]) => [lowerFirst(model), { model, owner }]));
  const tableNames = Object.keys(cfg.owners);
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const isClient = sf.statements.some(
    (s) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === "use client",
  );
  const add = (rule: Rule, detail: string) => {
    if (!out.some((f) => f.rule === rule && f.detail === detail)) out.push({ file, rule, detail });
  };

  const checkSql = (sqlText: string) => {
    for (const t of tableNames) {
      if (!sqlText.includes(`"${t}"`)) continue;
      const owner = cfg.owners[t]!;
      if (!mayQuery) add("raw-sql-outside-repo", t);
      if (owner !== mine) add("foreign-model", t);
      if (isRouter) add("router-db", t);
    }
  };

  const checkImport = (spec: string, typeOnly: boolean) => {
    const to = resolveSpecifier(file, spec);
    if (/^server\/lib\/[^/]+\.schema\.ts$/.test(file) && !typeOnly && spec !== "zod" && !/^server\/lib\/[^/]+\.schema$/.test(to ?? ""))
      add("kernel-not-client-safe", spec);
    if (file.startsWith("server/lib/") && /^server\/(modules|auth|trpc|http|ledger|jobs)\//.test(to ?? "")) add("kernel-upward", to!);
    const vocab = /^server\/modules\/([^/]+)\/[^/]+\.(schema|policy)$/.exec(to ?? "");
    if (vocab && vocab[1] !== mine && !typeOnly && (file.startsWith("server/modules/") || mine === "auth")) add("foreign-vocabulary", to!);
    if (isRouter && (spec.startsWith("@prisma/") || /server\/db(\/|$)|server\/db$/.test(resolveSpecifier(file, spec) ?? "") || /\.repo$/.test(spec)))
      add("router-db", spec);
    if (isDomain && (spec.startsWith("@trpc/") || (resolveSpecifier(file, spec) ?? "").startsWith("server/trpc")))
      add("module-trpc", spec);
    const target = resolveSpecifier(file, spec);
    if (!target) return;
    const repo = /^server\/modules\/([^/]+)\/[^/]+\.repo$/.exec(target);
    if (repo && repo[1] !== mine) add("foreign-repo", target);
    if (mine === "ledger" && target.startsWith("server/modules/")) add("ledger-domain", target);
    if (isClient && !typeOnly && target.startsWith("server/") && !/\.schema$/.test(target) && !cfg.isServerAction?.(target))
      add("client-server", target);
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      checkImport(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkImport(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = node.arguments[0];
      if (a && ts.isStringLiteral(a)) checkImport(a.text, false);
    } else if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      /^(getDb|appDb|createPrisma|PrismaClient)$/.test(node.expression.text) &&
      file !== COMPOSITION_ROOT
    ) {
      add("composition-root", node.expression.text);
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      // x.<model>.<method>
      if (DELEGATE_METHODS.has(name) && ts.isPropertyAccessExpression(node.expression) && isDbHandle(node.expression.expression)) {
        const d = delegates.get(node.expression.name.text);
        if (d) {
          if (!mayQuery) add("db-outside-repo", d.model);
          if (d.owner !== mine) add("foreign-model", d.model);
          if (isRouter) add("router-db", d.model);
        }
      }
      if (RAW_METHODS.has(name)) {
        if (!mayQuery) add("raw-sql-outside-repo", name);
        if (isRouter) add("router-db", name);
      }
    } else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      checkSql(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A finding as one line, the form the allow-list uses. */
export function key(f: Finding) {
  return `${f.file} ${f.rule} ${f.detail}`;
}
