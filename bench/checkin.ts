/**
 * `npm run bench:checkin`: 1,000 households check in to one event over HTTP against the production build
 * on the real PostgreSQL: goal p99 < 500 ms, 0 lost, 0 duplicates, and the
 * event's count as the app reports it (the kiosk and the roll-call list) equals the check-in rows.
 *
 * Set-up: a fresh database `mb_bench_ci_<timestamp>` on the server of --url (dropped unless --keep);
 * `npm start` on it (migrations by `prisma migrate deploy`, as production); a village with a committee
 * member, H households each with a villager account (head), a share of them (--second) with a second
 * member who has their own account; an adopted rule; the events are created by the committee through
 * `event.create` over HTTP, with a 500 m geofence (every scan sends a location inside it).
 * Sessions: the committee and the first --real-signins villagers sign in through next-auth for real; the
 * others get the same session cookie minted with the server's NEXTAUTH_SECRET (next-auth/jwt `encode`).
 * Only failed sign-ins are throttled, but 1,000 argon2 checks would cost ~30 s of the 2 cores before the run.
 *
 * The load, as the app does it: the committee's kiosk polls `event.kiosk` every 3 s (as the kiosk page)
 * and the villagers submit the token it shows to `event.checkIn` (tRPC POST, superjson, batch of one,
 * exactly what the scan page's httpBatchLink sends).
 *   1. open loop: the H heads arrive at random moments spread uniformly over --seconds (a Poisson
 *      arrival of H people; 100/s on average by default), whatever the server's latency; each second
 *      member scans within ±250 ms of their head (the race the unique index settles).
 *   2. closed loop: on a second event, --clients workers send every scan (heads and second members in
 *      random order) one after another as fast as the server answers: the throughput ceiling.
 * Prints latency p50/p95/p99, throughput, outcome counts and the checks; never fails on timing.
 *   node --import tsx bench/checkin.ts [--households 1000] [--seconds 10] [--second 0.2] [--clients 50]
 *     [--real-signins 20] [--warm-checkins N: N check-ins to another event before the loops] [--pool N] [--node-options "--max-old-space-size=512"] [--no-closed] [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 *     [--base http://127.0.0.1:3000 --db <that server's DATABASE_URL> --secret <its NEXTAUTH_SECRET>]
 */
import { createPrisma, type Db } from "@/server/db/client";
import {
  appCpuSeconds,
  appErrors,
  finishRun,
  flag,
  freePort,
  freshDatabase,
  load,
  log,
  ms,
  num,
  pct,
  sampleActivity,
  seedHouseholds,
  seedPeople,
  seedRule,
  seedVillage,
  sessionsFor,
  shuffle,
  sleep,
  startApp,
  str,
  table,
  tally,
  three,
  trpc,
  verdict,
  type App,
  type BenchHousehold,
  type Row,
} from "./http-kit";

const OPT = {
  households: num("households", 1000),
  seconds: num("seconds", 10),
  second: num("second", 0.2),
  clients: num("clients", 50),
  realSignins: num("real-signins", 20),
  pool: num("pool", 0),
  nodeOptions: str("node-options", ""),
  warmCheckins: num("warm-checkins", 0),
  closed: !flag("no-closed"),
  keep: flag("keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  base: str("base", ""),
  db: str("db", ""),
  secret: str("secret", process.env.NEXTAUTH_SECRET ?? "bench-checkin-secret-0123456789abcdef"),
};
const GOAL = { p99: 500 };
const KIOSK_POLL_MS = 3000; // components/events/kiosk.tsx
const FENCE = { lat: 30.2741, lng: 120.1551, radiusM: 500 };

type Scanner = { household: BenchHousehold; who: "head" | "second"; cookie: string; at: number };
type Result = { s: Scanner; ok: boolean; outcome: string | null; code: string | null; ms: number; sentAt: number; lagMs: number };

/** A spot inside the geofence (up to ~300 m from the centre). */
function nearby() {
  const r = Math.random() * 300;
  const a = Math.random() * 2 * Math.PI;
  return { lat: FENCE.lat + (r * Math.cos(a)) / 111_320, lng: FENCE.lng + (r * Math.sin(a)) / (111_320 * Math.cos((FENCE.lat * Math.PI) / 180)) };
}

/** The kiosk page: `event.kiosk` every 3 s; the villagers scan whatever token it shows at that moment. */
function startKiosk(base: string, cookie: string, eventId: string) {
  const state = { token: "", code: "", count: 0, polls: [] as number[], errors: [] as string[], stopped: false };
  const poll = async () => {
    const r = await trpc<{ token: string; code: string; count: number }>(base, cookie, "event.kiosk", { eventId }, "query");
    state.polls.push(r.ms);
    if (r.ok) Object.assign(state, { token: r.data.token, code: r.data.code, count: r.data.count });
    else state.errors.push(r.code ?? "?");
    return r.ok;
  };
  const loop = (async () => {
    while (!state.stopped) {
      await sleep(KIOSK_POLL_MS);
      if (!state.stopped) await poll();
    }
  })();
  return {
    state,
    poll,
    async stop() {
      state.stopped = true;
      await loop;
    },
  };
}

async function scan(base: string, s: Scanner, token: string, eventId: string, sentAt: number, lagMs: number): Promise<Result> {
  // the villager opened 扫码签到 from the event page (eventId) and shares the location the geofence asks for
  const r = await trpc<{ outcome: string }>(base, s.cookie, "event.checkIn", { eventId, token, ...nearby() }, "mutation");
  return { s, ok: r.ok, outcome: r.ok ? r.data.outcome : null, code: r.code, ms: r.ms, sentAt, lagMs };
}

/** What the database holds for the event, and what the app says (kiosk count, roll-call count). */
async function verify(db: Db, base: string, committee: string, eventId: string, hs: BenchHousehold[], results: Result[]) {
  const [rows, distinct, dupRows, presence, wrongUser, kioskAfter, rosterAfter] = await Promise.all([
    db.eventCheckIn.count({ where: { eventId } }),
    db.eventCheckIn.groupBy({ by: ["householdId"], where: { eventId } }).then((g) => g.length),
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (SELECT "householdId" FROM "EventCheckIn" WHERE "eventId" = ${eventId} GROUP BY 1 HAVING count(*) > 1) d`,
    db.eventPresence.count({ where: { eventId } }),
    // the check-in must name the account of a member of that household
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "EventCheckIn" c
      WHERE c."eventId" = ${eventId}
        AND NOT EXISTS (SELECT 1 FROM "HouseholdMember" m WHERE m."householdId" = c."householdId" AND m."userId" = c."userId")`,
    trpc<{ count: number }>(base, committee, "event.kiosk", { eventId }, "query"),
    trpc<{ count: number }>(base, committee, "event.roster", { eventId }, "query"),
  ]);
  const inDb = new Set((await db.eventCheckIn.findMany({ where: { eventId }, select: { householdId: true } })).map((r) => r.householdId));
  const checkedInReplies = new Map<string, number>();
  for (const r of results) if (r.outcome === "CHECKED_IN") checkedInReplies.set(r.s.household.id, (checkedInReplies.get(r.s.household.id) ?? 0) + 1);
  // lost: a member was told "checked in" / "already checked in" but the household has no row
  const acked = new Set(results.filter((r) => r.ok).map((r) => r.s.household.id));
  const lost = hs.filter((h) => acked.has(h.id) && !inDb.has(h.id)).length;
  const missing = hs.filter((h) => !inDb.has(h.id)).length;
  const doubleReplies = [...checkedInReplies.values()].filter((n) => n > 1).length;
  // a household told "checked in" by nobody although a row exists: every member saw "already" or an error
  const noFreshReply = hs.filter((h) => inDb.has(h.id) && !checkedInReplies.has(h.id)).length;
  const scanners = hs.reduce((n, h) => n + (h.second ? 2 : 1), 0);
  return {
    rows,
    distinct,
    dupHouseholds: Number(dupRows[0]!.n),
    presence,
    scanners,
    wrongUser: Number(wrongUser[0]!.n),
    lost,
    missing,
    doubleReplies,
    noFreshReply,
    kioskCount: kioskAfter.ok ? kioskAfter.data.count : NaN,
    rosterCount: rosterAfter.ok ? rosterAfter.data.count : NaN,
  };
}

function report(title: string, results: Result[], spanMs: number, v: Awaited<ReturnType<typeof verify>>, extra: Row[]): Row[] {
  const lat = results.map((r) => r.ms);
  const okLat = results.filter((r) => r.ok).map((r) => r.ms);
  const errors = results.filter((r) => !r.ok);
  const p99 = pct(lat, 99);
  const appCountOk = v.kioskCount === v.rows && v.rosterCount === v.rows;
  return [
    { metric: `${title}: requests (heads + second members)`, value: `${results.length} (${tally(results.map((r) => r.outcome ?? r.code))})`, goal: "", verdict: "" },
    { metric: `${title}: event.checkIn p50 / p95 / p99`, value: three(lat), goal: `p99 < ${GOAL.p99} ms`, verdict: verdict(p99 < GOAL.p99) },
    { metric: `${title}: successful replies p50 / p95 / p99, max`, value: `${three(okLat)}, ${ms(Math.max(...lat))}`, goal: "", verdict: "" },
    { metric: `${title}: throughput (answered 2xx)`, value: `${(okLat.length / (spanMs / 1000)).toFixed(1)} req/s, ${(v.rows / (spanMs / 1000)).toFixed(1)} households/s (${(spanMs / 1000).toFixed(2)} s first send → last reply)`, goal: "", verdict: "" },
    ...extra,
    { metric: `${title}: lost (a member was answered 2xx, the household has no row)`, value: String(v.lost), goal: "0", verdict: verdict(v.lost === 0) },
    { metric: `${title}: households not checked in (every scan failed)`, value: `${v.missing} of ${results.filter((r) => r.s.who === "head").length}`, goal: "0", verdict: verdict(v.missing === 0) },
    { metric: `${title}: duplicates (rows per household > 1 / two "checked in" replies)`, value: `${v.dupHouseholds} / ${v.doubleReplies}`, goal: "0 / 0", verdict: verdict(v.dupHouseholds === 0 && v.doubleReplies === 0) },
    { metric: `${title}: errors (non-2xx)`, value: errors.length ? tally(errors.map((r) => r.code)) : "0", goal: "0", verdict: verdict(errors.length === 0) },
    { metric: `${title}: app count (kiosk / roll call) = DB rows`, value: `${v.kioskCount} / ${v.rosterCount} = ${v.rows} (distinct households ${v.distinct})`, goal: "equal", verdict: verdict(appCountOk) },
    { metric: `${title}: presence rows = scanning members`, value: `${v.presence} = ${v.scanners}`, goal: "equal", verdict: verdict(v.presence === v.scanners) },
    { metric: `${title}: rows naming a non-member account`, value: String(v.wrongUser), goal: "0", verdict: verdict(v.wrongUser === 0) },
    { metric: `${title}: households with a row but no "checked in" reply`, value: String(v.noFreshReply), goal: "0", verdict: verdict(v.noFreshReply === 0) },
  ];
}

async function main() {
  log(`options: ${JSON.stringify({ ...OPT, secret: OPT.base ? "(given)" : "(bench's own)" })}; ${load()}`);
  if (OPT.base && !OPT.db) throw new Error("--base needs --db (the DATABASE_URL of that server) and --secret (its NEXTAUTH_SECRET)");
  const fresh = OPT.base ? null : await freshDatabase(OPT.url, "mb_bench_ci", OPT.keep);
  const dbUrl = fresh?.url ?? OPT.db;
  let app: App | null = null;
  const db = createPrisma(dbUrl, { max: 4 });
  const rows: Row[] = [];
  try {
    app = OPT.base ? { proc: null, base: OPT.base, log: [] } : await startApp({ databaseUrl: dbUrl, secret: OPT.secret, port: await freePort(), poolMax: OPT.pool || undefined, nodeOptions: OPT.nodeOptions || undefined });
    const base = app.base;

    // ── seed ──
    const t0 = performance.now();
    const village = await seedVillage(db, `签到压测${Date.now().toString(36)}`);
    const [committee] = await seedPeople(db, village.id, "COMMITTEE", 1, "村委");
    const ruleId = await seedRule(db, village.id, committee!.userId, 5);
    const hs = await seedHouseholds(db, village, OPT.households, OPT.second);
    log(`seeded village, ${hs.length} households (${hs.filter((h) => h.second).length} with a second member account) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const committeeCookie = (await sessionsFor(base, OPT.secret, [committee!], 1)).get(committee!.userId)!;
    const people = hs.flatMap((h) => [h.head, ...(h.second ? [h.second] : [])]);
    const t1 = performance.now();
    const sessions = await sessionsFor(base, OPT.secret, people, OPT.realSignins);
    log(`sessions: committee + ${Math.min(OPT.realSignins, people.length)} villagers signed in for real, ${Math.max(0, people.length - OPT.realSignins)} minted (${((performance.now() - t1) / 1000).toFixed(1)} s)`);

    const makeEvent = async (title: string) => {
      const now = Date.now();
      const r = await trpc<{ id: string }>(base, committeeCookie, "event.create", {
        title,
        ruleId,
        place: "村委会门前",
        startsAt: new Date(now - 60_000),
        endsAt: new Date(now + 3 * 3600_000),
        geoLat: FENCE.lat,
        geoLng: FENCE.lng,
        geoRadiusM: FENCE.radiusM,
      }, "mutation");
      if (!r.ok) throw new Error(`event.create: ${r.code} ${r.message}`);
      return r.data.id;
    };

    // warm-up: a running server has loaded its route modules; the first requests would measure that instead
    const warm = hs.slice(0, 20);
    await Promise.all(warm.map((h) => trpc(base, sessions.get(h.head.userId)!, "event.list", { when: "upcoming" }, "query")));
    log(`warmed up (20 × event.list); ${load()}`);

    if (OPT.warmCheckins > 0) {
      // a server that has run check-ins before (another event): its check-in path is compiled and warm
      const warmEvent = await makeEvent("热身活动");
      const wk = startKiosk(base, committeeCookie, warmEvent);
      await wk.poll();
      const todo = hs.slice(0, OPT.warmCheckins);
      await Promise.all(Array.from({ length: 5 }, async (_, w) => {
        for (let i = w; i < todo.length; i += 5) await scan(base, { household: todo[i], who: "head", cookie: sessions.get(todo[i].head.userId)!, at: 0 }, wk.state.token, warmEvent, 0, 0);
      }));
      await wk.stop();
      log(`warmed up the check-in path (${todo.length} check-ins to another event); ${load()}`);
    }

    // ── 1. open loop ──
    const openEvent = await makeEvent("村道环境整治（开环）");
    const kiosk = startKiosk(base, committeeCookie, openEvent);
    if (!(await kiosk.poll())) throw new Error(`event.kiosk failed: ${kiosk.state.errors.join(",")}`);
    const horizon = OPT.seconds * 1000;
    const scanners: Scanner[] = hs.flatMap((h) => {
      const at = Math.random() * horizon;
      const head: Scanner = { household: h, who: "head", cookie: sessions.get(h.head.userId)!, at };
      if (!h.second) return [head];
      return [head, { household: h, who: "second", cookie: sessions.get(h.second.userId)!, at: Math.max(0, at + (Math.random() - 0.5) * 500) }];
    });
    scanners.sort((a, b) => a.at - b.at);
    await db.$disconnect(); // its idle connections would blur the activity samples; it reconnects for the checks
    const activity = sampleActivity(dbUrl);
    const cpu0 = app.proc ? appCpuSeconds(app) : null;
    log(`open loop: ${scanners.length} scans over ${OPT.seconds} s (${(OPT.households / OPT.seconds).toFixed(0)} households/s on average); ${load()}`);
    const clientCpu0 = process.cpuUsage();
    const start = performance.now();
    const pending: Promise<Result>[] = [];
    const inFlight = { now: 0, max: 0 };
    for (const s of scanners) {
      const wait = start + s.at - performance.now();
      if (wait > 1) await sleep(wait);
      const sentAt = performance.now() - start;
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      pending.push(
        scan(base, s, kiosk.state.token, openEvent, sentAt, sentAt - s.at).finally(() => {
          inFlight.now--;
        }),
      );
    }
    const openResults = await Promise.all(pending);
    const openSpan = Math.max(...openResults.map((r) => r.sentAt + r.ms));
    const clientCpu = process.cpuUsage(clientCpu0);
    await kiosk.stop();
    const cpu1 = app.proc ? appCpuSeconds(app) : null;
    const act = await activity.summary();
    log(`open loop done in ${(openSpan / 1000).toFixed(2)} s; max in flight ${inFlight.max}; ${load()}`);
    // where the tail sits: a slow first second is warm-up (JIT, pool), a slow later second is GC or the machine
    const bySecond = Array.from({ length: Math.ceil(horizon / 1000) }, (_, i) => openResults.filter((r) => Math.floor(r.sentAt / 1000) === i).map((r) => r.ms));
    log(`open loop p99 by second of arrival: ${bySecond.map((v) => (v.length ? pct(v, 99).toFixed(0) : "-")).join(" / ")} ms`);
    const vOpen = await verify(db, base, committeeCookie, openEvent, hs, openResults);
    const lastCheckedIn = Math.max(...openResults.filter((r) => r.outcome === "CHECKED_IN").map((r) => r.sentAt + r.ms));
    rows.push(
      ...report("open loop", openResults, openSpan, vOpen, [
        { metric: "open loop: all households checked in by", value: `${(lastCheckedIn / 1000).toFixed(2)} s after the first arrival`, goal: `≤ ${OPT.seconds} s + p99`, verdict: "" },
        { metric: "open loop: the bench's own CPU (same 2 cores)", value: `${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s in ${(openSpan / 1000).toFixed(1)} s = ${((clientCpu.user + clientCpu.system) / 10 / openSpan).toFixed(0)} % of one core`, goal: "", verdict: "" },
        { metric: "open loop: client send lag p99 / max (bench overloaded?)", value: `${ms(pct(openResults.map((r) => r.lagMs), 99))} / ${ms(Math.max(...openResults.map((r) => r.lagMs)))}`, goal: "", verdict: "" },
        { metric: "open loop: server's DB connections (pg_stat_activity)", value: act.text, goal: "", verdict: "" },
        { metric: "open loop: kiosk polls (event.kiosk) p50 / max, n", value: `${ms(pct(kiosk.state.polls, 50))} / ${ms(Math.max(...kiosk.state.polls))}, ${kiosk.state.polls.length}${kiosk.state.errors.length ? `, errors ${kiosk.state.errors.join(",")}` : ""}`, goal: "", verdict: "" },
        ...(cpu0 !== null && cpu1 !== null
          ? [{ metric: "open loop: server CPU (launcher + next-server)", value: `${(cpu1 - cpu0).toFixed(1)} s CPU in ${(openSpan / 1000).toFixed(1)} s = ${(((cpu1 - cpu0) / openSpan) * 100_000).toFixed(0)} % of one core`, goal: "", verdict: "" }]
          : []),
      ]),
    );

    // ── 2. closed loop ──
    const died = app.proc !== null && app.proc.exitCode !== null;
    if (died) log("npm start is no longer running (see below): the closed loop is skipped");
    if (OPT.closed && !died) {
      const closedEvent = await makeEvent("村道环境整治（闭环）");
      // the kiosk keeps polling (its token rotates every 30 s), as during the open loop
      const k2 = startKiosk(base, committeeCookie, closedEvent);
      if (!(await k2.poll())) throw new Error(`event.kiosk failed: ${k2.state.errors.join(",")}`);
      const queue = shuffle(scanners.map((s) => ({ ...s, at: 0 })));
      const results: Result[] = [];
      let next = 0;
      await db.$disconnect();
      const activity2 = sampleActivity(dbUrl);
      const c0 = performance.now();
      const cpuA = app.proc ? appCpuSeconds(app) : null;
      log(`closed loop: ${queue.length} scans by ${OPT.clients} clients as fast as the server answers; ${load()}`);
      await Promise.all(
        Array.from({ length: OPT.clients }, async () => {
          while (next < queue.length) {
            const s = queue[next++]!;
            const sentAt = performance.now() - c0;
            results.push(await scan(base, s, k2.state.token, closedEvent, sentAt, 0));
          }
        }),
      );
      await k2.stop();
      const act2 = await activity2.summary();
      const span = performance.now() - c0;
      const cpuB = app.proc ? appCpuSeconds(app) : null;
      log(`closed loop done in ${(span / 1000).toFixed(2)} s; ${load()}`);
      const vClosed = await verify(db, base, committeeCookie, closedEvent, hs, results);
      rows.push(
        ...report(`closed loop (${OPT.clients} clients)`, results, span, vClosed, [
          { metric: "closed loop: server's DB connections (pg_stat_activity)", value: act2.text, goal: "", verdict: "" },
          ...(cpuA !== null && cpuB !== null
            ? [{ metric: "closed loop: server CPU (launcher + next-server)", value: `${(cpuB - cpuA).toFixed(1)} s CPU in ${(span / 1000).toFixed(1)} s = ${(((cpuB - cpuA) / span) * 100_000).toFixed(0)} % of one core`, goal: "", verdict: "" }]
            : []),
        ]),
      );
    }

    const errs = appErrors(app);
    if (errs.length) {
      console.log(`\nThe server printed these error lines (count × line):`);
      for (const l of errs.slice(0, 10)) console.log(`  ${l.slice(0, 300)}`);
    }
    const v = await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
    table(
      `Check-in over HTTP: ${OPT.households} households (${hs.filter((h) => h.second).length} with a second member scanning too), npm start on PostgreSQL ${v[0]!.v}, server pool ${OPT.pool || "default (5)"}`,
      rows,
    );
    console.log(`\nAt the end: ${load()}. Figures only: this benchmark never fails on timing.`);
  } finally {
    await finishRun(app, db, fresh);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
