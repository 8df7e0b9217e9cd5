/**
 * `npm run bench:reports`: 200 随手拍 reports with a photo each, sent over HTTP within one minute
 * against `npm start` (the production build) on the real PostgreSQL: latency p50/p95/p99 of
 * `report.create` (each photo decoded and re-encoded by sharp on the server) and the server's RSS
 * (the whole process tree, sampled every 200 ms). Goal: p99 < 2 s, 0 lost, RSS < 600 MB.
 *
 * Set-up: a fresh database `mb_bench_rep_<timestamp>` (dropped unless --keep); a village with H
 * households, each head with a villager account (sessions minted with the server's secret). Each
 * report carries one phone-sized JPEG (1280×960, as the PhotoPicker sends it, ~150–250 KB).
 * Load: open loop, --reports arrivals spread uniformly over --seconds.
 *   node --import tsx bench/report-upload.ts [--reports 200] [--seconds 60] [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import sharp from "sharp";
import { createPrisma } from "@/server/db/client";
import {
  finishRun,
  flag,
  freePort,
  freshDatabase,
  load,
  log,
  num,
  pct,
  seedHouseholds,
  seedVillage,
  sessionsFor,
  sleep,
  startApp,
  str,
  table,
  tally,
  three,
  trpc,
  verdict,
  type App,
} from "./http-kit";

const OPT = {
  reports: num("reports", 200),
  seconds: num("seconds", 60),
  keep: flag("keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  secret: str("secret", process.env.NEXTAUTH_SECRET ?? "bench-report-secret-0123456789abcdef"),
};
const GOAL = { p99: 2000, rssMb: 600 };
const run = promisify(execFile);

/** RSS in MB of a process and all its descendants (ps, summed). */
async function treeRssMb(pid: number): Promise<number> {
  const { stdout } = await run("ps", ["-eo", "pid=,ppid=,rss="]);
  const rows = stdout.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024;
}

async function photo(i: number) {
  // noise-like content so the JPEG is as large as a real photo, not a flat colour
  const w = 1280, h = 960;
  const raw = Buffer.alloc(w * h * 3);
  for (let k = 0; k < raw.length; k++) raw[k] = (k * 31 + i * 17 + ((k / 3840) | 0) * 7) & 0xff;
  const jpeg = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

async function main() {
  log(load());
  const fresh = await freshDatabase(OPT.url, "mb_bench_rep", OPT.keep);
  const db = createPrisma(fresh.url);
  let app: App | null = null;
  try {
    app = await startApp({ databaseUrl: fresh.url, secret: OPT.secret, port: await freePort() });
    const village = await seedVillage(db, `随手拍${Date.now() % 1e6}`);
    const hs = await seedHouseholds(db, village, Math.min(OPT.reports, 200), 0);
    const cookies = await sessionsFor(app.base, OPT.secret, hs.map((h) => h.head), 0);
    const photos = await Promise.all([0, 1, 2, 3].map(photo));
    log(`photo sizes ${photos.map((p) => `${Math.round((p.length * 3) / 4 / 1024)} KB`).join(", ")}`);

    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        if (app?.proc?.pid) peak = Math.max(peak, await treeRssMb(app.proc.pid));
        await sleep(200);
      }
    })();
    const idle = app.proc?.pid ? await treeRssMb(app.proc.pid) : 0;
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: OPT.reports }, async (_, i) => {
        await sleep((OPT.seconds * 1000 * i) / OPT.reports);
        const h = hs[i % hs.length]!;
        const r = await trpc<{ id: string }>(app!.base, cookies.get(h.head.userId)!, "report.create", {
          category: "ENVIRONMENT",
          text: `村道边垃圾堆积 #${i}`,
          photos: [photos[i % photos.length]],
          place: { kind: "GPS", lat: 30.27 + (i % 50) * 0.001, lng: 120.15, accuracyM: 10 },
          requestKey: `bench_${i}_${Date.now().toString(36)}`.padEnd(12, "x"),
        }, "mutation");
        return r;
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    sampling = false;
    await sampler;
    const lat = results.map((r) => r.ms);
    const rows = await db.report.count({ where: { villageId: village.id } });
    const photosStored = await db.reportPhoto.count({ where: { villageId: village.id } });
    const ok = results.filter((r) => r.ok).length;
    table(`${OPT.reports} reports with a photo over ${OPT.seconds} s (wall ${wall.toFixed(1)} s)`, [
      { metric: "report.create p50 / p95 / p99", value: three(lat), goal: `p99 < ${GOAL.p99} ms`, verdict: verdict(pct(lat, 99) < GOAL.p99) },
      { metric: "answered ok / rows / photos", value: `${ok} / ${rows} / ${photosStored}`, goal: `${OPT.reports} each`, verdict: verdict(ok === OPT.reports && rows === OPT.reports && photosStored === OPT.reports) },
      { metric: "errors", value: tally(results.map((r) => r.code)), goal: "none", verdict: verdict(ok === OPT.reports) },
      { metric: "server RSS idle → peak", value: `${idle.toFixed(0)} → ${peak.toFixed(0)} MB`, goal: `< ${GOAL.rssMb} MB`, verdict: verdict(peak < GOAL.rssMb) },
    ]);
    log(load());
  } finally {
    await finishRun(app, db, fresh);
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
