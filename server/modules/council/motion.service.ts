/**
 * Motions and votes, one vote per household (docs/architecture.md, "Rules and deliberation"). The
 * committee drafts a motion and opens it, which freezes the electorate (the village's ACTIVE
 * households at that moment); each household votes once, a retry returns the first vote; closing
 * happens once (the job at the closing time, or the committee earlier), counts with COUNT(*) and
 * posts a 结果公告 through the notice service in the same transaction.
 * A secret ballot keeps "the household voted" (MotionElector.votedAt) apart from "what was voted"
 * (a MotionBallot row with a random id, no household and no time).
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villageMinute } from "@/server/lib/village-time.schema";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service";
import { accountsOfHouseholds, accountsOfMembers, householdOfActor, personIdsOfActor } from "../households/for-council.read";
import { electorOfActor, electorsToFreeze, resolveElectorate } from "./motion-electorate";
import { notifyManyInTx } from "../notifications/notification.service";
import { assertClosesLater, assertRuleFits, resultNoticeBody } from "./motion.policy";
import * as repo from "./motion.repo";
import * as closeRepo from "./motion-close.repo";
import type { ElectorKey } from "./motion.repo";
import { outcomeOf, YES_NO, ZDecisionRule, ZValidityRule } from "./motion.rules";
import type { CreateMotionInput, VoteInput } from "./motion.schema";
import { publishInTx } from "./notice.service";
import { adoptByVoteInTx, lockProposedBook, type VoteAdoption } from "../rules/rule.service";
import { ruleBookInfo } from "../rules/rule.read";
import { noticeVillage } from "./notice.policy";
import { villageSettings } from "../regions/region.read";

const LIST_MAX = 100;
const DUE_BATCH = 50;

/**
 * Drafts a motion (nobody votes until it opens). A motion may name a draft rule book put forward
 * for adoption: it is then a yes/no vote of all the village's households (never the
 * representatives) with a 村民会议 validity rule, and at most one draft or open motion names a book.
 * Throws MOTION_CLOSES_IN_PAST, MOTION_RULE_IMPOSSIBLE, MOTION_BOOK_NEEDS_VILLAGE_VOTE,
 * MOTION_BOOK_NOT_PROPOSED, MOTION_BOOK_TAKEN.
 */
export async function createMotion(deps: Deps, actor: Actor, input: CreateMotionInput) {
  const villageId = noticeVillage(actor);
  assertClosesLater(input.closesAt, deps.now());
  assertRuleFits(input.options, input.decisionRule);
  if (input.ruleBookId) assertBookVoteShape(input);
  return deps.db.$transaction(async (tx) => {
    const { electorate: _asked, ...rest } = input;
    const elect = await resolveElectorate(tx, villageId, input);
    if (input.ruleBookId) {
      // the book's row lock makes a second motion for the same book wait, then see the first
      await lockProposedBook(tx, villageId, input.ruleBookId);
      if (await repo.liveMotionForBook(tx, villageId, input.ruleBookId)) throw new DomainError("MOTION_BOOK_TAKEN");
    }
    const m = await repo.createMotion(tx, { villageId, ...rest, ...elect, createdById: actor.userId });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "motion.create",
      entity: "Motion",
      entityId: m.id,
      after: { title: input.title, options: input.options, secret: input.secret, closesAt: input.closesAt.toISOString(), electorate: elect.electorate, bodyId: elect.bodyId },
    });
    return { id: m.id };
  });
}

/** A rule book is adopted by 同意/不同意/弃权 of the households, valid only with a 村民会议 turnout. */
function assertBookVoteShape(input: CreateMotionInput) {
  const yesNo = input.options.length === YES_NO.length && input.options.every((o, i) => o === YES_NO[i]);
  // a body's or the representatives' electorate is refused in resolveElectorate
  if (!yesNo || input.validityRule.kind === "ANY_TURNOUT" || input.decisionRule.kind === "MOST_VOTES") throw new DomainError("MOTION_BOOK_NEEDS_VILLAGE_VOTE");
}

/**
 * Opens a draft: the village's ACTIVE households now are its electorate, frozen (a household added
 * later does not vote on it). Throws NOT_FOUND, MOTION_NOT_DRAFT, MOTION_CLOSES_IN_PAST, MOTION_NO_ELECTORS,
 * MOTION_BOOK_NOT_PROPOSED (the book it names is no longer a proposed draft).
 */
export async function openMotion(deps: Deps, actor: Actor, id: string) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await repo.findMotion(tx, villageId, id);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.status !== "DRAFT") throw new DomainError("MOTION_NOT_DRAFT");
    assertClosesLater(m.closesAt, at);
    // the book may have been countersigned or sent back since the motion was drafted
    if (m.ruleBookId) await lockProposedBook(tx, villageId, m.ruleBookId);
    const electors = await electorsToFreeze(tx, m, at);
    if (electors.length === 0) throw new DomainError("MOTION_NO_ELECTORS");
    if ((await repo.markOpen(tx, villageId, id, at)) === 0) throw new DomainError("MOTION_NOT_DRAFT");
    await repo.freezeElectorate(tx, id, electors);
    // in the same transaction: if anything after this fails, no one is told of a vote that is not open
    const households = electors.flatMap((e) => (e.householdId ? [e.householdId] : []));
    const members = electors.flatMap((e) => (e.householdMemberId ? [e.householdMemberId] : []));
    const accounts = [...new Set([...(await accountsOfHouseholds(tx, households)), ...(await accountsOfMembers(tx, members))])];
    const notified = await notifyManyInTx(tx, accounts, "motion.opened", { motionId: id, title: m.title, closes: villageMinute(m.closesAt) });
    await recordAudit(tx, actor, { regionId: villageId, action: "motion.open", entity: "Motion", entityId: id, after: { electorate: electors.length, kind: m.electorate, notified } });
    return { id, opensAt: at, electorate: electors.length };
  });
}

export type VoteResult = { motionId: string; votedAt: Date; first: boolean; option: string | null };

/**
 * Casts the actor's household's vote. The first vote of the household counts; any later one (a
 * retry, another member, another choice) returns that first vote and changes nothing. Throws
 * NOT_FOUND (no such motion in the actor's village), MOTION_NOT_OPEN, MOTION_NOT_ELECTOR,
 * MOTION_CLOSED, MOTION_BAD_OPTION.
 */
export async function vote(deps: Deps, actor: Actor, input: VoteInput): Promise<VoteResult> {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await repo.lockMotionForVote(tx, villageId, input.motionId);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.status === "DRAFT") throw new DomainError("MOTION_NOT_OPEN");
    // the household's row on a village-wide vote, the person's own on a body's
    const found = await electorOfActor(tx, { id: input.motionId, electorate: m.electorate }, actor);
    if (!found) throw new DomainError("MOTION_NOT_ELECTOR");
    const { key, row: elector } = found;
    const firstVote = async (): Promise<VoteResult> => {
      const e = (await repo.findElector(tx, input.motionId, key))!;
      // a paper ballot handed in at a meeting stands: the app cannot add a second vote
      if (e.channel === "PAPER") throw new DomainError("MOTION_VOTED_ON_PAPER", { at: villageMinute(e.votedAt!) });
      const option = m.secret ? null : await repo.openBallotOf(tx, input.motionId, key);
      return { motionId: input.motionId, votedAt: e.votedAt!, first: false, option };
    };
    if (elector.votedAt) return firstVote();
    if (m.status !== "OPEN" || m.closesAt.getTime() <= at.getTime()) throw new DomainError("MOTION_CLOSED");
    if (!m.options.includes(input.option)) throw new DomainError("MOTION_BAD_OPTION");
    if ((await repo.markVoted(tx, input.motionId, key, at, m.secret ? null : actor.userId)) === 0) return firstVote();
    await repo.insertBallot(tx, { motionId: input.motionId, option: input.option, key: m.secret ? null : key });
    return { motionId: input.motionId, votedAt: at, first: true, option: input.option };
  });
}

/** Who asked for an early close, who confirmed it and why (the two-person path, motion-close.service.ts). */
export type EarlyClose = { requestedById: string; requestedByName: string; confirmedById: string; confirmedByName: string; reason: string };

/**
 * Closes one open motion, once: the conditional UPDATE lets exactly one caller through, which counts
 * (COUNT(*)), stores the result and publishes the 结果公告 in the same transaction. Returns null
 * when it was not open (already closed by someone else).
 */
async function closeOne(deps: Deps, id: string, by: Actor | null) {
  return deps.db.$transaction((tx) => closeInTx(tx, deps.now(), id, by));
}

/**
 * closeOne inside the caller's transaction (a supervisor confirming an early close marks the request
 * in the same one). A secret motion's ballots are rewritten in random order first (shuffleBallots);
 * a request still pending lapses.
 */
export async function closeInTx(tx: Tx, at: Date, id: string, by: Actor | null, early?: EarlyClose) {
  if ((await repo.markClosed(tx, id, at)) === 0) return null;
  const m = (await repo.findMotionAnyVillage(tx, id))!;
  if (m.secret) await closeRepo.shuffleBallots(tx, id);
  await closeRepo.lapsePending(tx, id, at);
  const [tally, turnout, channels] = await Promise.all([repo.tally(tx, id), repo.turnout(tx, [id]), repo.channelCounts(tx, id)]);
  const electorate = turnout.get(id)?.electorate ?? 0;
  const counts = m.options.map((option) => ({ option, count: tally.get(option) ?? 0 }));
  const validityRule = ZValidityRule.parse(m.validityRule);
  const decisionRule = ZDecisionRule.parse(m.decisionRule);
  const o = outcomeOf({ options: m.options, validityRule, decisionRule }, counts, electorate);
  // a passed vote on a rule book adopts it, citing this motion, in this same transaction
  let ruleBook: { id: string; adoption: VoteAdoption["reason"] | "NOT_PASSED" } | null = null;
  if (m.ruleBookId) {
    const adoption = o.outcome === "PASSED" ? (await adoptByVoteInTx(tx, { villageId: m.villageId, ruleBookId: m.ruleBookId, motionId: id, at })).reason : "NOT_PASSED";
    ruleBook = { id: m.ruleBookId, adoption };
  }
  const info = m.ruleBookId ? await ruleBookInfo(tx, m.villageId, m.ruleBookId) : null;
  const maxPoints = ruleBook?.adoption === "POINTS_TOO_HIGH" ? ((await villageSettings(tx, m.villageId))?.maxRulePoints ?? 0) : null;
  const bookForNotice = info && ruleBook ? { version: info.version, title: info.title, adopted: ruleBook.adoption === "ADOPTED", adoption: ruleBook.adoption, maxRulePoints: maxPoints } : null;
  const earlyClose = early ? { requestedById: early.requestedById, confirmedById: early.confirmedById, reason: early.reason } : null;
  const result = { electorate, voted: o.voted, counts, validityRule, decisionRule, valid: o.valid, winner: o.winner, outcome: o.outcome, ruleBook, earlyClose, channels, electorateKind: m.electorate };
  const notice = await publishInTx(tx, {
    villageId: m.villageId,
    kind: "RESULT",
    title: `表决结果公告：${m.title}`.slice(0, 60),
    body: resultNoticeBody({ ...result, question: m.question, secret: m.secret, ruleBook: bookForNotice, early: early ?? null, byPerson: m.electorate !== "VILLAGE_HOUSEHOLDS" }),
    publishedById: by?.userId ?? m.createdById,
    at,
  });
  await repo.saveResult(tx, id, result, notice.id);
  await recordAudit(tx, by ?? SYSTEM_ACTOR, { regionId: m.villageId, action: "motion.close", entity: "Motion", entityId: id, after: { ...result, resultNoticeId: notice.id } });
  return { id, result, resultNoticeId: notice.id };
}

/**
 * The committee closes an open motion now. Alone only once its closing time has come or every
 * elector has voted; earlier, a supervisor must confirm a request (motion-close.service.ts).
 * Throws NOT_FOUND, MOTION_NOT_OPEN, MOTION_EARLY_CLOSE_NEEDS_SECOND.
 */
export async function closeMotion(deps: Deps, actor: Actor, id: string) {
  const villageId = noticeVillage(actor);
  const m = await repo.findMotion(deps.db, villageId, id);
  if (!m) throw new DomainError("NOT_FOUND");
  if (m.status === "DRAFT" || m.status === "CANCELLED") throw new DomainError("MOTION_NOT_OPEN");
  if (m.status === "OPEN" && m.closesAt.getTime() > deps.now().getTime()) {
    const t = (await repo.turnout(deps.db, [id])).get(id);
    if (!t || t.voted < t.electorate) throw new DomainError("MOTION_EARLY_CLOSE_NEEDS_SECOND");
  }
  const closed = await closeOne(deps, id, actor);
  if (closed) return closed;
  const again = (await repo.findMotion(deps.db, villageId, id))!;
  if (again.status !== "CLOSED") throw new DomainError("MOTION_NOT_OPEN");
  return { id, result: again.result, resultNoticeId: again.resultNoticeId };
}

/**
 * The job: closes every open motion whose closing time has come. Safe to run twice and from several
 * instances at once (each motion closes once, see closeOne). Returns counts, never names.
 */
export async function closeDue(deps: Deps): Promise<{ closed: number; failed: number }> {
  const ids = await repo.dueMotionIds(deps.db, deps.now(), DUE_BATCH);
  let closed = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      if (await closeOne(deps, id, null)) closed++;
    } catch (e) {
      failed++;
      console.error("[jobs] closing a motion failed:", e instanceof Error ? e.message : e);
    }
  }
  return { closed, failed };
}

/** The committee's list: every motion with its turnout; the counts only once it is closed (never a running tally). */
export async function staffList(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const motions = await repo.listMotions(deps.db, villageId, LIST_MAX);
  const [turnout, books] = await Promise.all([repo.turnout(deps.db, motions.map((m) => m.id)), booksOf(deps.db, villageId, motions)]);
  return {
    items: motions.map((m) => ({
      id: m.id,
      ruleBook: bookLine(books, m),
      title: m.title,
      question: m.question,
      options: m.options,
      secret: m.secret,
      status: m.status,
      opensAt: m.opensAt,
      closesAt: m.closesAt,
      closedAt: m.closedAt,
      validityRule: m.validityRule,
      decisionRule: m.decisionRule,
      electorate: turnout.get(m.id)?.electorate ?? 0,
      voted: turnout.get(m.id)?.voted ?? 0,
      result: m.status === "CLOSED" ? m.result : null,
      ...closingFacts(m),
      resultNoticeId: m.resultNoticeId,
    })),
  };
}

/**
 * The villager's votes on 村务: open motions first (with the time left and whether the household has
 * voted, and on an open ballot how), then the closed ones with their results.
 */
export async function board(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const now = deps.now();
  const [all, household, persons] = await Promise.all([
    repo.listPublicMotions(deps.db, villageId, LIST_MAX),
    householdOfActor(deps.db, actor),
    personIdsOfActor(deps.db, actor),
  ]);
  // a body's vote is shown only to its electors (each member votes as a person)
  const personRows = await repo.personElectors(deps.db, persons, all.filter((m) => m.electorate !== "VILLAGE_HOUSEHOLDS").map((m) => m.id));
  const personOf = new Map(personRows.map((r) => [r.motionId, r]));
  const motions = all.filter((m) => m.electorate === "VILLAGE_HOUSEHOLDS" || personOf.has(m.id));
  const ids = motions.map((m) => m.id);
  const [households, turnout, books] = await Promise.all([
    household ? repo.householdElectors(deps.db, household.id, ids) : Promise.resolve(new Map<string, Date | null>()),
    repo.turnout(deps.db, ids),
    booksOf(deps.db, villageId, motions),
  ]);
  const items = await Promise.all(
    motions.map(async (m) => {
      const open = m.status === "OPEN" && m.closesAt.getTime() > now.getTime();
      const person = personOf.get(m.id);
      const key: ElectorKey | null = person?.householdMemberId ? { householdMemberId: person.householdMemberId } : household && households.has(m.id) ? { householdId: household.id } : null;
      const inElectorate = key !== null;
      const votedAt = person ? person.votedAt : (households.get(m.id) ?? null);
      const myChoice = key && votedAt && !m.secret ? await repo.openBallotOf(deps.db, m.id, key) : null;
      return {
        id: m.id,
        title: m.title,
        question: m.question,
        ruleBook: bookLine(books, m),
        options: m.options,
        secret: m.secret,
        byPerson: m.electorate !== "VILLAGE_HOUSEHOLDS",
        open,
        closesAt: m.closesAt,
        msLeft: open ? m.closesAt.getTime() - now.getTime() : 0,
        inElectorate,
        votedAt,
        myChoice,
        electorate: turnout.get(m.id)?.electorate ?? 0,
        voted: turnout.get(m.id)?.voted ?? 0,
        result: m.status === "CLOSED" ? m.result : null,
        ...closingFacts(m),
        resultNoticeId: m.resultNoticeId,
      };
    }),
  );
  return { now, items: [...items.filter((i) => i.open), ...items.filter((i) => !i.open)] };
}

/** Whether it was cancelled or closed early, and why (from the stored result; never names of households). */
function closingFacts(m: { status: string; result: unknown }) {
  const r = (m.result ?? {}) as { reason?: string; earlyClose?: { reason?: string } | null };
  return {
    cancelled: m.status === "CANCELLED",
    cancelReason: m.status === "CANCELLED" ? (r.reason ?? null) : null,
    earlyCloseReason: m.status === "CLOSED" ? (r.earlyClose?.reason ?? null) : null,
  };
}

/** The rule books the motions name, by book id (for the lists). */
function bookLine(books: Awaited<ReturnType<typeof booksOf>>, m: { id: string; ruleBookId: string | null; status: string; result: unknown }) {
  const b = m.ruleBookId ? books.get(m.ruleBookId) : undefined;
  if (!b) return null;
  // ADOPTED: this vote adopted it; PENDING: the vote is still to come or open; CANCELLED: the vote was
  // called off (the book is a plain proposed draft again); PASSED_NOT_IN_FORCE: the vote passed but the
  // book could not come into force (why: `blocked`); NOT_ADOPTED: the vote did not pass
  const r = (m.result ?? {}) as { outcome?: string; ruleBook?: { adoption?: string } | null };
  const blocked = r.outcome === "PASSED" && (r.ruleBook?.adoption === "POINTS_TOO_HIGH" || r.ruleBook?.adoption === "NOT_PROPOSED") ? r.ruleBook.adoption : null;
  const state =
    b.adoptedByMotionId === m.id ? "ADOPTED" : m.status === "CANCELLED" ? "CANCELLED" : m.status !== "CLOSED" ? "PENDING" : blocked ? "PASSED_NOT_IN_FORCE" : "NOT_ADOPTED";
  return { id: b.id, version: b.version, title: b.title, state, blocked } as const;
}

async function booksOf(db: Deps["db"], villageId: string, motions: { ruleBookId: string | null }[]) {
  const ids = [...new Set(motions.map((m) => m.ruleBookId).filter((x): x is string => !!x))];
  const infos = await Promise.all(ids.map((id) => ruleBookInfo(db, villageId, id)));
  return new Map(infos.filter((b) => b !== null).map((b) => [b.id, { id: b.id, version: b.version, title: b.title, adoptedByMotionId: b.adoptedByMotionId }]));
}
