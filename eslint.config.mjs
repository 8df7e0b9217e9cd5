import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Browser code ("use client" files) may import from server/ only the zod schemas (*.schema.ts);
 * type-only imports are fine because they vanish at build time.
 */
const clientBoundary = {
  meta: { type: "problem", messages: { server: "Client code may import only *.schema.ts from server/ (got '{{source}}')." } },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some(
      (n) => n.type === "ExpressionStatement" && n.directive === "use client",
    );
    if (!isClient) return {};
    const check = (node, source, typeOnly) => {
      if (typeOnly || typeof source !== "string") return;
      const toServer = source.startsWith("@/server/") || /(^|\/)server\//.test(source) && source.startsWith(".");
      if (toServer && !source.endsWith(".schema")) context.report({ node, messageId: "server", data: { source } });
    };
    return {
      ImportDeclaration(node) {
        const allTypes = node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, node.source.value, allTypes);
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value, false);
      },
    };
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "server/db/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { mb: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      "mb/client-boundary": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
