/**
 * Paper ballots handed in at a meeting and entered by the committee (the secretary), with their
 * channel (PAPER), who entered them, when, and at which meeting (docs/architecture.md, "Motions and
 * votes"). A voter's first vote stands, whichever way it came: paper entry and the app vote both
 * mark the voter's elector row with one conditional UPDATE (`votedAt IS NULL`), under the motion's
 * FOR SHARE lock, so of any number of attempts at once exactly one writes a ballot.
 * - open ballot: one voter and their choice at a time;
 * - secret ballot: the totals per option and the list of voters who handed a ballot in; the ballots
 *   are written as anonymous rows (no household, no person, random ids, shuffled), the sum of the
 *   totals must equal the number listed, and all of it is one transaction.
 */
import { randomInt } from "node:crypto";
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villageMinute } from "@/server/lib/village-time.schema";
import { recordAudit } from "../audit/audit.service";
import { householdLabels, memberLabels } from "../households/member.read";
import { findMeeting } from "./meeting.repo";
import * as prepo from "./motion-paper.repo";
import type { ElectorRow } from "./motion-paper.repo";
import * as repo from "./motion.repo";
import type { PaperSecretInput, PaperVoteInput } from "./motion-paper.schema";
import { noticeVillage } from "./notice.policy";

/** "3组-012 张三" for a household, "李四（3组-012）" for a person: how the secretary and the errors name a voter. */
async function labelsOf(db: Deps["db"] | Tx, rows: { householdId: string | null; householdMemberId: string | null }[]) {
  const [hs, ms] = await Promise.all([
    householdLabels(db, rows.map((r) => r.householdId).filter((x): x is string => !!x)),
    memberLabels(db, rows.map((r) => r.householdMemberId).filter((x): x is string => !!x)),
  ]);
  return (r: { householdId: string | null; householdMemberId: string | null }) => {
    if (r.householdMemberId) {
      const m = ms.get(r.householdMemberId);
      return { name: m?.name ?? "", householdNumber: m?.householdNumber ?? "" };
    }
    const h = hs.get(r.householdId ?? "");
    return { name: h?.headName ?? "", householdNumber: h?.number ?? "" };
  };
}

/** Throws the voter's "already voted" error, naming how and when their first vote came. */
async function alreadyVoted(tx: Tx, e: ElectorRow): Promise<never> {
  const label = (await labelsOf(tx, [e]))(e);
  const who = e.householdMemberId ? `${label.name}（${label.householdNumber}）` : `${label.householdNumber} ${label.name}`;
  const at = villageMinute(e.votedAt!);
  throw new DomainError(e.channel === "PAPER" ? "MOTION_ALREADY_VOTED_PAPER" : "MOTION_ALREADY_VOTED_APP", { who, at });
}

/** The open motion, locked FOR SHARE for the entry's transaction. Throws NOT_FOUND, MOTION_NOT_OPEN, MOTION_CLOSED. */
async function openForEntry(tx: Tx, villageId: string, motionId: string, at: Date) {
  const m = await repo.lockMotionForVote(tx, villageId, motionId);
  if (!m) throw new DomainError("NOT_FOUND");
  if (m.status === "DRAFT") throw new DomainError("MOTION_NOT_OPEN");
  if (m.status !== "OPEN" || m.closesAt.getTime() <= at.getTime()) throw new DomainError("MOTION_CLOSED");
  return m;
}

async function assertMeeting(tx: Tx, villageId: string, meetingId: string | undefined) {
  if (meetingId && !(await findMeeting(tx, villageId, meetingId))) throw new DomainError("NOT_FOUND");
}

/**
 * Enters one voter's paper ballot of an open-ballot motion. Throws NOT_FOUND (motion or meeting),
 * MOTION_NOT_OPEN, MOTION_CLOSED, MOTION_PAPER_WRONG_BALLOT (a secret ballot), MOTION_BAD_OPTION,
 * MOTION_PAPER_NOT_ELECTOR, MOTION_ALREADY_VOTED_APP / MOTION_ALREADY_VOTED_PAPER (the first vote stands).
 */
export async function enterPaperVote(deps: Deps, actor: Actor, input: PaperVoteInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await openForEntry(tx, villageId, input.motionId, at);
    if (m.secret) throw new DomainError("MOTION_PAPER_WRONG_BALLOT");
    if (!m.options.includes(input.option)) throw new DomainError("MOTION_BAD_OPTION");
    await assertMeeting(tx, villageId, input.meetingId);
    const [e] = await prepo.electorsByIds(tx, input.motionId, [input.electorId]);
    if (!e) throw new DomainError("MOTION_PAPER_NOT_ELECTOR");
    if (e.votedAt) await alreadyVoted(tx, e);
    const key = prepo.keyOf(e);
    const paper = { enteredById: actor.userId, meetingId: input.meetingId ?? null };
    if ((await repo.markVoted(tx, input.motionId, key, at, null, paper)) === 0) {
      const [again] = await prepo.electorsByIds(tx, input.motionId, [input.electorId]);
      await alreadyVoted(tx, again!);
    }
    await repo.insertBallot(tx, { motionId: input.motionId, option: input.option, key });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "motion.paperVote",
      entity: "Motion",
      entityId: input.motionId,
      after: { channel: "PAPER", electorId: e.id, ...key, option: input.option, meetingId: input.meetingId ?? null, enteredAt: at.toISOString() },
    });
    return { motionId: input.motionId, electorId: e.id, votedAt: at, option: input.option };
  });
}

/** Fisher–Yates with a cryptographic source: the ballots' insertion order says nothing about the list's. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Enters a secret ballot's paper votes: the totals per option and the voters who handed a ballot
 * in, all or nothing. Throws MOTION_PAPER_DUPLICATE, MOTION_BAD_OPTION, MOTION_PAPER_TOTALS_MISMATCH
 * (checked before anything is written), NOT_FOUND, MOTION_NOT_OPEN, MOTION_CLOSED,
 * MOTION_PAPER_WRONG_BALLOT (an open ballot), MOTION_PAPER_NOT_ELECTOR, MOTION_ALREADY_VOTED_APP /
 * MOTION_ALREADY_VOTED_PAPER (then nothing of the entry is kept).
 */
export async function enterPaperSecret(deps: Deps, actor: Actor, input: PaperSecretInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  // rows are marked in id order, so two entries at once lock them in the same order
  const ids = [...new Set(input.electorIds)].sort();
  if (ids.length !== input.electorIds.length) throw new DomainError("MOTION_PAPER_DUPLICATE");
  if (new Set(input.totals.map((t) => t.option)).size !== input.totals.length) throw new DomainError("MOTION_PAPER_DUPLICATE");
  const sum = input.totals.reduce((s, t) => s + t.count, 0);
  if (sum !== ids.length) throw new DomainError("MOTION_PAPER_TOTALS_MISMATCH", { sum, listed: ids.length });
  return deps.db.$transaction(
    async (tx) => {
      const m = await openForEntry(tx, villageId, input.motionId, at);
      if (!m.secret) throw new DomainError("MOTION_PAPER_WRONG_BALLOT");
      if (input.totals.some((t) => !m.options.includes(t.option))) throw new DomainError("MOTION_BAD_OPTION");
      await assertMeeting(tx, villageId, input.meetingId);
      const electors = await prepo.electorsByIds(tx, input.motionId, ids);
      if (electors.length !== ids.length) throw new DomainError("MOTION_PAPER_NOT_ELECTOR");
      const voted = electors.find((e) => e.votedAt);
      if (voted) await alreadyVoted(tx, voted);
      const paper = { enteredById: actor.userId, meetingId: input.meetingId ?? null };
      for (const e of electors) {
        if ((await repo.markVoted(tx, input.motionId, prepo.keyOf(e), at, null, paper)) === 0) {
          const [again] = await prepo.electorsByIds(tx, input.motionId, [e.id]);
          await alreadyVoted(tx, again!);
        }
      }
      const ballots = shuffled(input.totals.flatMap((t) => Array.from({ length: t.count }, () => t.option)));
      for (const option of ballots) await repo.insertBallot(tx, { motionId: input.motionId, option, key: null });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "motion.paperSecret",
        entity: "Motion",
        entityId: input.motionId,
        after: { channel: "PAPER", listed: ids.length, electorIds: ids, totals: input.totals, meetingId: input.meetingId ?? null, enteredAt: at.toISOString() },
      });
      return { motionId: input.motionId, listed: ids.length, totals: input.totals };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * The secretary's sheet for a motion: its electorate by name with who has voted and how (app or
 * paper, when), never what; the meetings the ballots may have come from. Throws NOT_FOUND.
 */
export async function paperSheet(deps: Deps, actor: Actor, motionId: string) {
  const villageId = noticeVillage(actor);
  const m = await repo.findMotion(deps.db, villageId, motionId);
  if (!m) throw new DomainError("NOT_FOUND");
  const [rows, meetings] = await Promise.all([prepo.electorsOf(deps.db, motionId), prepo.meetingsFor(deps.db, villageId, m.bodyId)]);
  const label = await labelsOf(deps.db, rows);
  const electors = rows
    .map((r) => ({ id: r.id, ...label(r), byPerson: !!r.householdMemberId, votedAt: r.votedAt, channel: r.votedAt ? (r.channel ?? "APP") : null }))
    .sort((a, b) => a.householdNumber.localeCompare(b.householdNumber) || a.name.localeCompare(b.name));
  return {
    motion: { id: m.id, title: m.title, question: m.question, options: m.options, secret: m.secret, status: m.status, closesAt: m.closesAt, electorate: m.electorate },
    open: m.status === "OPEN" && m.closesAt.getTime() > deps.now().getTime(),
    electors,
    voted: electors.filter((e) => e.votedAt).length,
    meetings,
  };
}
