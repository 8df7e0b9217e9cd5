import path from "node:path";
import { defineConfig } from "prisma/config";
import { SafePrismaPg } from "./server/db/pg-adapter";

// With a prisma.config.ts the CLI does not read .env, and with DATABASE_URL unset it silently falls
// back to downloading a query engine (STACK.md pitfall 2). A dead placeholder keeps it offline.
process.env.DATABASE_URL ??= "postgresql://unset@127.0.0.1:1/unset";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new SafePrismaPg();
  },
});
