/**
 * `npm run bench:vote`: a village-wide vote of 1,000 households over HTTP against the production build
 * on the real PostgreSQL: every household votes within 5 minutes, and at closing the ballots, the
 * electors who voted and the result's counts are all exactly 1,000 (zero lost, zero doubled).
 *
 * Set-up: a fresh database `mb_bench_vt_<timestamp>` on the server of --url (dropped unless --keep);
 * `npm start` on it (migrations by `prisma migrate deploy`, as production); a village with a committee
 * member and H active households, each head with a villager account.
 * Sessions: the committee and the first --real-signins villagers sign in through next-auth for real; the
 * others get the same session cookie minted with the server's NEXTAUTH_SECRET (next-auth/jwt `encode`),
 * as bench/checkin.ts does (1,000 argon2 checks would cost ~30 s of the 2 cores before the run).
 *
 * The run, as the app does it (tRPC over HTTP, superjson, batch of one, like httpBatchLink):
 *   1. the committee drafts a yes/no motion (`motion.create`, open ballot, closing in an hour) and opens
 *      it (`motion.open`): the electorate of H households is frozen;
 *   2. --clients phones vote back to back (closed loop, each takes the next household of a shuffled
 *      queue; with --think ms, after a random pause of up to that long, as a villager reading): `motion.vote` with the household's choice (同意 / 不同意 / 弃权 at random, 60/30/10 %).
 *      A transport failure or a 5xx is retried with the same request, as a phone would (up to 3 times).
 *      Extra requests prove the one-vote-per-household rule:
 *        - a --retry share of households sends the same request again after the reply (a retry):
 *          it must answer `first: false` with the household's first choice;
 *        - a --double share sends two identical requests at once (a double tap): exactly one of them
 *          may answer `first: true`;
 *        - a --change share tries a second time with a DIFFERENT choice after the reply: it must be
 *          refused (`first: false`, the first choice returned, nothing counted);
 *   3. the committee closes it (`motion.close`): the result is counted with COUNT(*) and the 结果公告
 *      posted in the same transaction.
 * Checks (by rows of the database and by the result the app stored, never by the client's own counts):
 * ballots = electors who voted = H; result counts sum to H and equal, choice by choice, what the phones
 * sent first; every household that was told `first: true` has exactly one ballot with its choice (zero
 * lost), no household has two ballots or two `first: true` replies (zero doubled), no second choice
 * counted. Prints latency p50/p95/p99 of `motion.vote`, throughput and the server's RSS; never fails on timing.
 *   node --import tsx bench/vote.ts [--households 1000] [--clients 50] [--retry 0.1] [--double 0.05] [--change 0.1] [--think 0]
 *     [--real-signins 20] [--pool N] [--node-options "--max-old-space-size=512"] [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { createPrisma, type Db } from "@/server/db/client";
import {
  appCpuSeconds,
  appErrors,
  appRss,
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
  type Call,
  type Row,
} from "./http-kit";

const OPT = {
  households: num("households", 1000),
  clients: num("clients", 50),
  retry: num("retry", 0.1),
  double: num("double", 0.05),
  change: num("change", 0.1),
  /** pause before each household's vote, uniformly random up to this many ms (reading the question); 0 = back to back */
  think: num("think", 0),
  realSignins: num("real-signins", 20),
  pool: num("pool", 0),
  nodeOptions: str("node-options", ""),
  keep: flag("keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  secret: str("secret", process.env.NEXTAUTH_SECRET ?? "bench-vote-secret-0123456789abcdef0123"),
};
const GOAL = { allVotedWithinMs: 5 * 60_000 };
const OPTIONS = ["同意", "不同意", "弃权"] as const;
const TRANSPORT_RETRIES = 3;

type VoteReply = { motionId: string; votedAt: string; first: boolean; option: string | null };
type Extra = "none" | "retry" | "double" | "change";
type Voter = { h: BenchHousehold; cookie: string; choice: string; extra: Extra };
type Outcome = {
  v: Voter;
  /** the household's first request (and its double when double-tapped) */
  firsts: Call<VoteReply>[];
  /** the same request again after the reply, or the other choice */
  second: Call<VoteReply> | null;
  secondChoice: string | null;
  transportRetries: number;
  sentAt: number;
};

const pickChoice = () => {
  const r = Math.random();
  return r < 0.6 ? OPTIONS[0] : r < 0.9 ? OPTIONS[1] : OPTIONS[2];
};

/** One vote as the phone sends it, retried with the same request on a transport failure or a 5xx. */
async function voteOnce(base: string, cookie: string, motionId: string, option: string, counter: { n: number }): Promise<Call<VoteReply>> {
  let c = await trpc<VoteReply>(base, cookie, "motion.vote", { motionId, option }, "mutation");
  for (let i = 0; i < TRANSPORT_RETRIES && (c.code === "NETWORK" || c.status >= 500); i++) {
    counter.n++;
    await sleep(200 * (i + 1));
    c = await trpc<VoteReply>(base, cookie, "motion.vote", { motionId, option }, "mutation");
  }
  return c;
}

async function castFor(base: string, motionId: string, v: Voter, sentAt: number): Promise<Outcome> {
  const counter = { n: 0 };
  const firsts = v.extra === "double" ? await Promise.all([voteOnce(base, v.cookie, motionId, v.choice, counter), voteOnce(base, v.cookie, motionId, v.choice, counter)]) : [await voteOnce(base, v.cookie, motionId, v.choice, counter)];
  let second: Call<VoteReply> | null = null;
  let secondChoice: string | null = null;
  if (v.extra === "retry") {
    secondChoice = v.choice;
    second = await voteOnce(base, v.cookie, motionId, v.choice, counter);
  } else if (v.extra === "change") {
    secondChoice = OPTIONS.find((o) => o !== v.choice)!;
    second = await voteOnce(base, v.cookie, motionId, secondChoice, counter);
  }
  return { v, firsts, second, secondChoice, transportRetries: counter.n, sentAt };
}

async function verify(db: Db, motionId: string, outcomes: Outcome[]) {
  const [ballots, perHousehold, voted, electorate, motion] = await Promise.all([
    db.$queryRaw<{ option: string; n: bigint }[]>`SELECT "option", COUNT(*) AS n FROM "MotionBallot" WHERE "motionId" = ${motionId} GROUP BY "option"`,
    db.$queryRaw<{ householdId: string | null; option: string; n: bigint }[]>`
      SELECT "householdId", MIN("option") AS option, COUNT(*) AS n FROM "MotionBallot" WHERE "motionId" = ${motionId} GROUP BY "householdId"`,
    db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "MotionElector" WHERE "motionId" = ${motionId} AND "votedAt" IS NOT NULL`,
    db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "MotionElector" WHERE "motionId" = ${motionId}`,
    db.motion.findUniqueOrThrow({ where: { id: motionId }, select: { status: true, result: true, resultNoticeId: true } }),
  ]);
  const ballotRows = ballots.reduce((s, r) => s + Number(r.n), 0);
  const byHousehold = new Map(perHousehold.map((r) => [r.householdId, { option: r.option, n: Number(r.n) }]));
  const doubledInDb = perHousehold.filter((r) => Number(r.n) > 1).length;
  // what the phones sent first, choice by choice: what the result must say
  const expected = new Map<string, number>(OPTIONS.map((o) => [o, 0]));
  for (const o of outcomes) expected.set(o.v.choice, expected.get(o.v.choice)! + 1);
  const toldFirst = outcomes.filter((o) => o.firsts.some((c) => c.ok && c.data.first));
  // lost: told "your vote counted" but no ballot, or a ballot of another choice
  const lost = toldFirst.filter((o) => byHousehold.get(o.v.h.id)?.option !== o.v.choice).length;
  const twoFirsts = outcomes.filter((o) => [...o.firsts, ...(o.second ? [o.second] : [])].filter((c) => c.ok && c.data.first).length > 1).length;
  const noBallot = outcomes.filter((o) => !byHousehold.has(o.v.h.id)).length;
  const result = motion.result as { electorate: number; voted: number; counts: { option: string; count: number }[]; outcome: string } | null;
  const resultSum = result ? result.counts.reduce((s, c) => s + c.count, 0) : NaN;
  const resultMatches = !!result && OPTIONS.every((o) => (result.counts.find((c) => c.option === o)?.count ?? 0) === expected.get(o));
  // the second attempts: same request → first choice returned; other choice → refused, first choice returned
  const seconds = outcomes.filter((o) => o.second);
  const secondWrong = seconds.filter((o) => !o.second!.ok || o.second!.data.first || o.second!.data.option !== o.v.choice);
  const changedCounted = outcomes.filter((o) => o.v.extra === "change" && byHousehold.get(o.v.h.id)?.option === o.secondChoice).length;
  return {
    ballotRows,
    voted: Number(voted[0]!.n),
    electorate: Number(electorate[0]!.n),
    ballots: ballots.map((b) => `${b.option} ${b.n}`).join(", "),
    doubledInDb,
    expected,
    lost,
    twoFirsts,
    noBallot,
    status: motion.status,
    resultNotice: !!motion.resultNoticeId,
    result,
    resultSum,
    resultMatches,
    seconds: seconds.length,
    secondWrong: secondWrong.length,
    secondWrongCodes: tally(secondWrong.map((o) => (o.second!.ok ? `first=${o.second!.data.first},option=${o.second!.data.option}` : o.second!.code))),
    changedCounted,
  };
}

async function main() {
  log(`options: ${JSON.stringify({ ...OPT, secret: "(bench's own)" })}; ${load()}`);
  const fresh = await freshDatabase(OPT.url, "mb_bench_vt", OPT.keep);
  let app: App | null = null;
  const db = createPrisma(fresh.url, { max: 4 });
  const rows: Row[] = [];
  try {
    app = await startApp({ databaseUrl: fresh.url, secret: OPT.secret, port: await freePort(), poolMax: OPT.pool || undefined, nodeOptions: OPT.nodeOptions || undefined });
    const base = app.base;
    const rssIdle = appRss(app);

    // ── seed ──
    const t0 = performance.now();
    const village = await seedVillage(db, `表决压测${Date.now().toString(36)}`);
    const [committee] = await seedPeople(db, village.id, "COMMITTEE", 1, "村委");
    const hs = await seedHouseholds(db, village, OPT.households, 0);
    log(`seeded village, ${hs.length} households each with a villager account in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const committeeCookie = (await sessionsFor(base, OPT.secret, [committee!], 1)).get(committee!.userId)!;
    const t1 = performance.now();
    const sessions = await sessionsFor(base, OPT.secret, hs.map((h) => h.head), OPT.realSignins);
    log(`sessions: committee + ${Math.min(OPT.realSignins, hs.length)} villagers signed in for real, ${Math.max(0, hs.length - OPT.realSignins)} minted (${((performance.now() - t1) / 1000).toFixed(1)} s)`);

    // warm-up: a running server has loaded its route modules; the first requests would measure that instead
    await Promise.all(hs.slice(0, 20).map((h) => trpc(base, sessions.get(h.head.userId)!, "motion.board", undefined, "query")));
    log(`warmed up (20 × motion.board); ${load()}`);

    // ── 1. the committee drafts and opens the motion ──
    const created = await trpc<{ id: string }>(base, committeeCookie, "motion.create", {
      title: "村东道路硬化工程",
      question: "是否同意使用村集体资金约 32 万元硬化村东道路 800 米？",
      closesAt: new Date(Date.now() + 3600_000),
    }, "mutation");
    if (!created.ok) throw new Error(`motion.create: ${created.code} ${created.message}`);
    const motionId = created.data.id;
    const opened = await trpc<{ electorate: number }>(base, committeeCookie, "motion.open", { id: motionId }, "mutation");
    if (!opened.ok) throw new Error(`motion.open: ${opened.code} ${opened.message}`);
    log(`motion opened: electorate ${opened.data.electorate} households (motion.open ${ms(opened.ms)})`);

    // ── 2. every household votes ──
    const voters: Voter[] = shuffle(
      hs.map((h) => {
        const r = Math.random();
        const extra: Extra = r < OPT.retry ? "retry" : r < OPT.retry + OPT.double ? "double" : r < OPT.retry + OPT.double + OPT.change ? "change" : "none";
        return { h, cookie: sessions.get(h.head.userId)!, choice: pickChoice(), extra };
      }),
    );
    await db.$disconnect(); // its idle connections would blur the activity samples; it reconnects for the checks
    const activity = sampleActivity(fresh.url);
    let rssPeak = appRss(app);
    const rssTimer = setInterval(() => {
      const r = appRss(app!);
      if (r && (!rssPeak || r.tree > rssPeak.tree)) rssPeak = r;
    }, 500);
    const cpu0 = appCpuSeconds(app);
    log(`voting: ${voters.length} households by ${OPT.clients} phones ${OPT.think ? `with a 0–${OPT.think} ms pause before each vote` : "back to back"} (${tally(voters.map((v) => v.extra))}); ${load()}`);
    const start = performance.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: OPT.clients }, async () => {
        while (next < voters.length) {
          const v = voters[next++]!;
          if (OPT.think > 0) await sleep(Math.random() * OPT.think);
          outcomes.push(await castFor(base, motionId, v, performance.now() - start));
        }
      }),
    );
    const span = performance.now() - start;
    clearInterval(rssTimer);
    const cpu1 = appCpuSeconds(app);
    const act = await activity.summary();
    log(`voting done in ${(span / 1000).toFixed(2)} s; ${load()}`);

    // ── 3. the committee closes it ──
    const closed = await trpc<{ result: { voted: number; outcome: string } }>(base, committeeCookie, "motion.close", { id: motionId }, "mutation");
    if (!closed.ok) throw new Error(`motion.close: ${closed.code} ${closed.message}`);
    log(`closed: ${closed.data.result.outcome}, voted ${closed.data.result.voted} (motion.close ${ms(closed.ms)})`);
    const rssEnd = appRss(app);

    const v = await verify(db, motionId, outcomes);
    const firstCalls = outcomes.flatMap((o) => o.firsts);
    const allCalls = outcomes.flatMap((o) => [...o.firsts, ...(o.second ? [o.second] : [])]);
    const firstLat = firstCalls.map((c) => c.ms);
    const repeatLat = outcomes.filter((o) => o.second).map((o) => o.second!.ms);
    const errors = allCalls.filter((c) => !c.ok);
    const lastFirstVote = Math.max(...outcomes.map((o) => o.sentAt + Math.max(...o.firsts.map((c) => c.ms))));
    const doubles = outcomes.filter((o) => o.v.extra === "double");
    const doubleBothFirst = doubles.filter((o) => o.firsts.every((c) => c.ok && c.data.first)).length;
    const doubleNoneFirst = doubles.filter((o) => !o.firsts.some((c) => c.ok && c.data.first)).length;
    const mb = (x: number | undefined) => (x === undefined ? "—" : `${x.toFixed(0)} MB`);
    const sumText = v.result ? v.result.counts.map((c) => `${c.option} ${c.count}`).join(" + ") : "none";
    const exp = OPTIONS.map((o) => `${o} ${v.expected.get(o)}`).join(", ");
    const H = OPT.households;
    rows.push(
      { metric: "requests: motion.vote calls (first votes + double taps + retries + other choices)", value: `${allCalls.length} (${tally(allCalls.map((c) => (c.ok ? (c.data.first ? "first" : "repeat") : c.code)))})`, goal: "", verdict: "" },
      { metric: "motion.vote p50 / p95 / p99 (every call)", value: three(allCalls.map((c) => c.ms)), goal: "", verdict: "" },
      { metric: "motion.vote p50 / p95 / p99, first attempts / repeats", value: `${three(firstLat)}; ${three(repeatLat)}`, goal: "", verdict: "" },
      { metric: "throughput", value: `${(allCalls.length / (span / 1000)).toFixed(1)} calls/s, ${(H / (span / 1000)).toFixed(1)} households/s (${(span / 1000).toFixed(2)} s)`, goal: "", verdict: "" },
      { metric: "all households voted within", value: `${(lastFirstVote / 1000).toFixed(1)} s`, goal: "≤ 300 s", verdict: verdict(lastFirstVote <= GOAL.allVotedWithinMs && v.noBallot === 0) },
      { metric: "errors (non-2xx after transport retries) / transport retries", value: `${errors.length ? tally(errors.map((c) => c.code)) : "0"} / ${outcomes.reduce((s, o) => s + o.transportRetries, 0)}`, goal: "0", verdict: verdict(errors.length === 0) },
      { metric: "ballots = electors who voted = households", value: `${v.ballotRows} = ${v.voted} = ${H} (electorate ${v.electorate})`, goal: "equal", verdict: verdict(v.ballotRows === H && v.voted === H && v.electorate === H) },
      { metric: "result counts sum to households", value: `${sumText} = ${v.resultSum} (${v.result?.outcome ?? "?"}, status ${v.status}, 结果公告 ${v.resultNotice ? "posted" : "MISSING"})`, goal: `= ${H}`, verdict: verdict(v.resultSum === H && v.status === "CLOSED" && v.resultNotice) },
      { metric: "result = first choices the phones sent", value: `sent ${exp}`, goal: "equal", verdict: verdict(v.resultMatches) },
      { metric: "lost (told first: true, no ballot of that choice)", value: String(v.lost), goal: "0", verdict: verdict(v.lost === 0) },
      { metric: "doubled (households with 2 ballots / 2 first: true replies)", value: `${v.doubledInDb} / ${v.twoFirsts}`, goal: "0 / 0", verdict: verdict(v.doubledInDb === 0 && v.twoFirsts === 0) },
      { metric: "double taps: both first / neither first", value: `${doubleBothFirst} / ${doubleNoneFirst} of ${doubles.length}`, goal: "0 / 0", verdict: verdict(doubleBothFirst === 0 && doubleNoneFirst === 0) },
      { metric: "second attempts (same request / other choice) answered with the first vote", value: `${v.seconds - v.secondWrong} of ${v.seconds}${v.secondWrong ? ` (wrong: ${v.secondWrongCodes})` : ""}`, goal: "all", verdict: verdict(v.secondWrong === 0) },
      { metric: "other choices counted", value: String(v.changedCounted), goal: "0", verdict: verdict(v.changedCounted === 0) },
      { metric: "server RSS next-server / whole tree: idle, peak during the vote, after closing", value: `${mb(rssIdle?.next)} / ${mb(rssIdle?.tree)}; ${mb(rssPeak?.next)} / ${mb(rssPeak?.tree)}; ${mb(rssEnd?.next)} / ${mb(rssEnd?.tree)}`, goal: "", verdict: "" },
      { metric: "motion.open / motion.close (1,000 electors)", value: `${ms(opened.ms)} / ${ms(closed.ms)}`, goal: "", verdict: "" },
      { metric: "server's DB connections (pg_stat_activity)", value: act.text, goal: "", verdict: "" },
      ...(cpu0 !== null && cpu1 !== null
        ? [{ metric: "server CPU (launcher + next-server)", value: `${(cpu1 - cpu0).toFixed(1)} s CPU in ${(span / 1000).toFixed(1)} s = ${(((cpu1 - cpu0) / span) * 100_000).toFixed(0)} % of one core, ${(((cpu1 - cpu0) * 1000) / allCalls.length).toFixed(1)} ms per call`, goal: "", verdict: "" }]
        : []),
    );

    const errs = appErrors(app);
    if (errs.length) {
      console.log(`\nThe server printed these error lines (count × line):`);
      for (const l of errs.slice(0, 10)) console.log(`  ${l.slice(0, 300)}`);
    }
    const pgv = await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
    table(`Vote over HTTP: ${H} households, ${OPT.clients} phones${OPT.think ? ` (0–${OPT.think} ms pause before each vote)` : " back to back"}, npm start on PostgreSQL ${pgv[0]!.v}, server pool ${OPT.pool || "default (5)"}`, rows);
    console.log(`\nvote p99 by 10 % of the run: ${Array.from({ length: 10 }, (_, i) => outcomes.filter((o) => Math.floor((o.sentAt / span) * 10) === i).flatMap((o) => o.firsts.map((c) => c.ms))).map((x) => (x.length ? pct(x, 99).toFixed(0) : "-")).join(" / ")} ms`);
    console.log(`At the end: ${load()}. Figures only: this benchmark never fails on timing.`);
  } finally {
    await finishRun(app, db, fresh);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
