/**
 * `npm run bench:js`: the villager home's first-load JS alone, without the start-up runs of bench/startup.ts
 * (which needs a seeded PGlite data dir and minutes on a busy machine). Same measure as bench/startup.ts:
 * every `<script src>` under /_next/static of /v for a signed-in villager (nomodule polyfills excluded),
 * gzipped one by one, summed; target ≤ 150 KB. On a fresh database of the real PostgreSQL (dropped after),
 * `npm start` on the production build (`npm run build` first), one village with one household.
 *   node --import tsx bench/villager-js.ts [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { gzipSync } from "node:zlib";
import { createPrisma } from "@/server/db/client";
import { finishRun, flag, freePort, freshDatabase, log, mintSession, seedHouseholds, seedVillage, startApp, str, type App } from "./http-kit";

const OPT = {
  keep: flag("keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  secret: str("secret", process.env.NEXTAUTH_SECRET ?? "bench-js-secret-0123456789abcdef0123456"),
};
const TARGET_KB = 150;

async function main() {
  const fresh = await freshDatabase(OPT.url, "mb_bench_js", OPT.keep);
  let app: App | null = null;
  const db = createPrisma(fresh.url, { max: 2 });
  try {
    app = await startApp({ databaseUrl: fresh.url, secret: OPT.secret, port: await freePort() });
    const village = await seedVillage(db, `脚本体积${Date.now().toString(36)}`);
    const [h] = await seedHouseholds(db, village, 1, 0);
    const cookie = await mintSession(OPT.secret, h!.head.userId, h!.head.membershipId);
    const res = await fetch(`${app.base}/v`, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200) throw new Error(`/v answered ${res.status}`);
    const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
    const srcs = [...new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&")))].filter((s): s is string => !!s && s.startsWith("/_next/static/"));
    const files = [];
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(app.base + src)).arrayBuffer());
      files.push({ src, raw: body.length, gzip: gzipSync(body).length });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    const kb = (n: number) => (n / 1024).toFixed(1);
    const gzip = files.reduce((n, f) => n + f.gzip, 0);
    const raw = files.reduce((n, f) => n + f.raw, 0);
    for (const f of files) console.log(`  ${kb(f.gzip).padStart(6)} KB gzip  ${kb(f.raw).padStart(7)} KB raw  ${f.src}`);
    log(`Villager home (/v) first-load JS: ${files.length} scripts, ${kb(raw)} KB raw, ${kb(gzip)} KB gzip (HTML ${kb(gzipSync(html).length)} KB gzip) — target ≤ ${TARGET_KB} KB: ${gzip / 1024 <= TARGET_KB ? "PASS" : "MISS"}`);
  } finally {
    await finishRun(app, db, fresh);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
