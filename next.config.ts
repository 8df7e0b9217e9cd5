import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // database drivers stay as Node modules on the server
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "exceljs", "pdfkit"],
  poweredByHeader: false,
  devIndicators: false,
};

export default withNextIntl(nextConfig);
