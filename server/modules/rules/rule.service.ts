/**
 * The village rule book (积分细则 / 村规民约 points items): versions DRAFT → ADOPTED → RETIRED.
 * Exactly one version is in force (a partial unique index guarantees it); awards cite it, so an
 * adopted or retired version never changes: changes go into a new draft, which the committee puts
 * forward with the record of the vote and a supervisor (another person) countersigns to adopt
 * (docs/architecture.md, "Roles that check each other"). No item may carry more points than the
 * village's maxRulePoints.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service";
import { villageSettings } from "../regions/region.read";
import { assertCountersignable, assertEditable, assertWithinMax, isEditable, ruleVillage } from "./rule.policy";
import * as repo from "./rule.repo";
import { ruleBookInfo } from "./rule.read";
import { bookUnderVote } from "../council/for-rules.read";
import { groupRules, type AdoptInput, type CreateDraftInput, type RefuseInput, type SaveRuleInput } from "./rule.schema";
import { userNames } from "../accounts/account.read";

/** The village's largest allowed item (the default when the actor has no village: nothing matches anyway). */
async function maxRulePoints(db: Parameters<typeof villageSettings>[0], villageId: string): Promise<number> {
  return (await villageSettings(db, villageId))?.maxRulePoints ?? 0;
}

type BookRow = NonNullable<Awaited<ReturnType<typeof repo.findBook>>>;

/** Who drafted, put forward, countersigned and refused, as names (never phone numbers). */
async function peopleOf(db: Parameters<typeof userNames>[0], books: BookRow[]) {
  const names = await userNames(db, books.flatMap((b) => [b.createdById, b.adoptedById, b.proposedById, b.countersignedById, b.refusedById]));
  const name = (id: string | null) => (id ? (names.get(id) ?? "") : null);
  return (b: BookRow) => {
    const { createdById, adoptedById, proposedById, countersignedById, refusedById, basedOnId: _basedOnId, ...rest } = b;
    return {
      ...rest,
      awaitingCountersign: b.status === "DRAFT" && !!b.proposedAt,
      createdByName: name(createdById) ?? "",
      adoptedByName: name(adoptedById),
      proposedByName: name(proposedById),
      countersignedByName: name(countersignedById),
      refusedByName: name(refusedById),
    };
  };
}

/**
 * The version in force, its items grouped by category, and how it was adopted; `book` is null
 * while the village has adopted none. Readable by everyone of the village.
 */
export async function adoptedRules(deps: Deps, actor: Actor) {
  const villageId = ruleVillage(actor);
  const book = await repo.findAdopted(deps.db, villageId);
  if (!book) return { book: null, groups: [], ruleCount: 0 };
  const [rules, info] = await Promise.all([repo.listRules(deps.db, villageId, book.id), ruleBookInfo(deps.db, villageId, book.id)]);
  return {
    book: { id: book.id, version: book.version, title: book.title, adoptedAt: book.adoptedAt, adoptedBy: book.adoptedBy, vote: info?.vote ?? null },
    groups: groupRules(rules),
    ruleCount: rules.length,
  };
}

/** Every version of the village, newest first, with item counts and who drafted and adopted it. */
export async function listBooks(deps: Deps, actor: Actor) {
  const villageId = ruleVillage(actor);
  const books = await repo.listBooks(deps.db, villageId);
  const view = await peopleOf(deps.db, books);
  const versionOf = new Map(books.map((b) => [b.id, b.version]));
  return books.map(({ ruleCount, ...b }) => ({
    ...view(b),
    ruleCount,
    basedOnVersion: b.basedOnId ? (versionOf.get(b.basedOnId) ?? null) : null,
  }));
}

/** One version with all its items (in category order; group them with groupRules). Throws NOT_FOUND (also for another village's book). */
export async function getBook(deps: Deps, actor: Actor, id: string) {
  const villageId = ruleVillage(actor);
  const book = await repo.findBook(deps.db, villageId, id);
  if (!book) throw new DomainError("NOT_FOUND");
  const [rules, view, basedOn, maxPoints, info] = await Promise.all([
    repo.listRules(deps.db, villageId, book.id),
    peopleOf(deps.db, [book]),
    book.basedOnId ? repo.findBook(deps.db, villageId, book.basedOnId) : Promise.resolve(null),
    maxRulePoints(deps.db, villageId),
    ruleBookInfo(deps.db, villageId, book.id),
  ]);
  return {
    ...view(book),
    /** the village-wide vote that adopted it, from the motion's stored result */
    vote: info?.vote ?? null,
    editable: isEditable(book),
    /** the supervisor reading it may countersign or refuse (not their own proposal) */
    countersignable: actor.role === "SUPERVISOR" && book.status === "DRAFT" && !!book.proposedAt && book.proposedById !== actor.userId,
    basedOnVersion: basedOn?.version ?? null,
    maxRulePoints: maxPoints,
    rules,
    counts: { add: rules.filter((r) => r.points > 0).length, deduct: rules.filter((r) => r.points < 0).length },
  };
}

/** Drafts put forward and waiting for a supervisor's countersign, newest first (the supervisor's home and rule pages). */
export async function awaitingCountersign(deps: Deps, actor: Actor) {
  const villageId = ruleVillage(actor);
  const books = await repo.awaitingCountersign(deps.db, villageId);
  const view = await peopleOf(deps.db, books);
  return books.map((b) => ({ ...view(b), countersignable: b.proposedById !== actor.userId }));
}

/**
 * Starts the next version as a DRAFT, optionally a copy of every item of the version in force.
 * Throws RULE_DRAFT_EXISTS (one draft at a time), RULE_NONE_ADOPTED (copy asked, nothing in force).
 */
export async function createDraft(deps: Deps, actor: Actor, input: CreateDraftInput) {
  const villageId = ruleVillage(actor);
  try {
    return await deps.db.$transaction(async (tx) => {
      const draft = await repo.findDraft(tx, villageId);
      if (draft) throw new DomainError("RULE_DRAFT_EXISTS", { version: draft.version });
      const adopted = input.fromAdopted ? await repo.findAdopted(tx, villageId) : null;
      if (input.fromAdopted && !adopted) throw new DomainError("RULE_NONE_ADOPTED");
      // Drafts started at once: the unique (villageId, version) and the one-draft-per-village index
      // (migration 20261201200000) refuse all but one.
      const version = (await repo.maxVersion(tx, villageId)) + 1;
      const book = await repo.createBook(tx, { villageId, version, title: input.title, basedOnId: adopted?.id ?? null, createdById: actor.userId });
      const copied = adopted ? await repo.copyRules(tx, villageId, book.id, await repo.rulesForCopy(tx, villageId, adopted.id)) : 0;
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "rule.createDraft",
        entity: "RuleBook",
        entityId: book.id,
        after: { version, title: input.title, status: "DRAFT", basedOnVersion: adopted?.version ?? null, copied },
      });
      return { id: book.id, version, copied };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const draft = await repo.findDraft(deps.db, villageId);
      throw new DomainError("RULE_DRAFT_EXISTS", { version: draft?.version ?? "" });
    }
    throw e;
  }
}

/**
 * Adds an item to a draft, or changes one (`id`). Throws NOT_FOUND (book or item not in the
 * village / not in that book), RULE_BOOK_NOT_DRAFT (adopted, retired or put forward versions never
 * change), RULE_POINTS_TOO_HIGH (more than the village's maxRulePoints), RULE_CODE_TAKEN (the code
 * is used by another item of the same book).
 */
export async function saveRule(deps: Deps, actor: Actor, input: SaveRuleInput) {
  const villageId = ruleVillage(actor);
  const fields = {
    code: input.code,
    category: input.category,
    title: input.title,
    description: input.description,
    points: input.points,
    capPeriod: input.capPeriod ?? null,
    capCount: input.capPeriod ? (input.capCount ?? null) : null,
    evidenceRequired: input.evidenceRequired,
  };
  try {
    return await deps.db.$transaction(async (tx) => {
      const book = await repo.lockBook(tx, villageId, input.ruleBookId);
      if (!book) throw new DomainError("NOT_FOUND");
      assertEditable(book);
      assertWithinMax(input.points, await maxRulePoints(tx, villageId));
      if (input.id) {
        const before = await repo.findRule(tx, villageId, input.id, book.id);
        if (!before) throw new DomainError("NOT_FOUND");
        const after = await repo.updateRule(tx, before.id, fields);
        await recordAudit(tx, actor, {
          regionId: villageId,
          action: "rule.saveRule",
          entity: "Rule",
          entityId: before.id,
          before: repo.ruleSnapshot({ ...before, ruleBookId: book.id }),
          after: repo.ruleSnapshot({ ...after, ruleBookId: book.id }),
        });
        return { id: after.id };
      }
      const created = await repo.createRule(tx, { ...fields, ruleBookId: book.id, villageId, sort: await repo.nextSort(tx, book.id) });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "rule.saveRule",
        entity: "Rule",
        entityId: created.id,
        after: repo.ruleSnapshot({ ...created, ruleBookId: book.id }),
      });
      return { id: created.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("RULE_CODE_TAKEN", { code: input.code });
    throw e;
  }
}

/** Removes an item from a draft. Throws NOT_FOUND, RULE_BOOK_NOT_DRAFT. */
export async function removeRule(deps: Deps, actor: Actor, input: { id: string }) {
  const villageId = ruleVillage(actor);
  return deps.db.$transaction(async (tx) => {
    const rule = await repo.findRule(tx, villageId, input.id);
    if (!rule) throw new DomainError("NOT_FOUND");
    const book = await repo.lockBook(tx, villageId, rule.ruleBookId);
    if (!book) throw new DomainError("NOT_FOUND");
    assertEditable(book);
    await repo.deleteRule(tx, rule.id);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "rule.removeRule",
      entity: "Rule",
      entityId: rule.id,
      before: repo.ruleSnapshot(rule),
    });
    return { id: rule.id };
  });
}

/**
 * The committee puts a draft forward for adoption with the record of the meeting or vote; it comes
 * into force only when a supervisor countersigns (countersign). While put forward it cannot change.
 * Throws NOT_FOUND, RULE_BOOK_NOT_DRAFT (adopted, retired or already put forward, e.g. a second
 * tap), RULE_BOOK_EMPTY, RULE_POINTS_TOO_HIGH (an item above the village's maxRulePoints).
 */
export async function adopt(deps: Deps, actor: Actor, input: AdoptInput) {
  const villageId = ruleVillage(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const book = await repo.lockBook(tx, villageId, input.id);
    if (!book) throw new DomainError("NOT_FOUND");
    assertEditable(book);
    const size = await repo.bookSize(tx, villageId, book.id);
    if (size.count === 0) throw new DomainError("RULE_BOOK_EMPTY");
    assertWithinMax(size.maxAbsPoints, await maxRulePoints(tx, villageId));
    await repo.updateBook(tx, book.id, {
      proposedAt: now,
      proposedById: actor.userId,
      adoptedBy: input.adoptedBy,
      refusedAt: null,
      refusedById: null,
      refusalReason: null,
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "rule.propose",
      entity: "RuleBook",
      entityId: book.id,
      before: { version: book.version, status: "DRAFT" },
      after: { version: book.version, status: "DRAFT", proposed: true, adoptedBy: input.adoptedBy, rules: size.count },
    });
    return { id: book.id, version: book.version, status: "AWAITING_COUNTERSIGN" as const };
  });
}

/**
 * A supervisor countersigns a draft put forward by someone else: it is adopted and the version in
 * force until now is retired in the same transaction. The points limit is checked again (the
 * setting may have been lowered since). Throws NOT_FOUND, RULE_BOOK_NOT_PROPOSED,
 * COUNTERSIGN_OWN_PROPOSAL, RULE_POINTS_TOO_HIGH, RULE_BOOK_UNDER_VOTE (a village-wide vote on it is
 * being prepared or open: the vote decides).
 */
export async function countersign(deps: Deps, actor: Actor, input: { id: string }) {
  const villageId = ruleVillage(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const book = await repo.lockBook(tx, villageId, input.id);
    if (!book) throw new DomainError("NOT_FOUND");
    assertCountersignable(book, actor.userId);
    // the households are voting on it: their vote decides (the motion takes the same row lock)
    if (await bookUnderVote(tx, villageId, book.id)) throw new DomainError("RULE_BOOK_UNDER_VOTE");
    const size = await repo.bookSize(tx, villageId, book.id);
    assertWithinMax(size.maxAbsPoints, await maxRulePoints(tx, villageId));
    // Retire first: the partial unique index allows one ADOPTED per village at every moment.
    const previous = await repo.findAdopted(tx, villageId);
    if (previous) {
      await repo.updateBook(tx, previous.id, { status: "RETIRED", retiredAt: now });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "rule.retire",
        entity: "RuleBook",
        entityId: previous.id,
        before: { version: previous.version, status: "ADOPTED" },
        after: { version: previous.version, status: "RETIRED", replacedByVersion: book.version },
      });
    }
    await repo.updateBook(tx, book.id, { status: "ADOPTED", adoptedAt: now, adoptedById: book.proposedById, countersignedById: actor.userId });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "rule.adopt",
      entity: "RuleBook",
      entityId: book.id,
      before: { version: book.version, status: "DRAFT", proposedById: book.proposedById },
      after: { version: book.version, status: "ADOPTED", countersignedById: actor.userId, rules: size.count, retiredVersion: previous?.version ?? null },
    });
    return { id: book.id, version: book.version, retiredId: previous?.id ?? null };
  });
}

/**
 * A supervisor refuses a draft put forward by someone else, with the reason: it goes back to the
 * committee as an editable draft. Throws NOT_FOUND, RULE_BOOK_NOT_PROPOSED, COUNTERSIGN_OWN_PROPOSAL,
 * RULE_BOOK_UNDER_VOTE.
 */
export async function refuse(deps: Deps, actor: Actor, input: RefuseInput) {
  const villageId = ruleVillage(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const book = await repo.lockBook(tx, villageId, input.id);
    if (!book) throw new DomainError("NOT_FOUND");
    assertCountersignable(book, actor.userId);
    if (await bookUnderVote(tx, villageId, book.id)) throw new DomainError("RULE_BOOK_UNDER_VOTE");
    await repo.updateBook(tx, book.id, { proposedAt: null, proposedById: null, refusedAt: now, refusedById: actor.userId, refusalReason: input.reason });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "rule.refuse",
      entity: "RuleBook",
      entityId: book.id,
      before: { version: book.version, proposedById: book.proposedById },
      after: { version: book.version, status: "DRAFT", refused: true, reason: input.reason },
    });
    return { id: book.id, version: book.version };
  });
}

/**
 * For a village-wide motion that names a draft (docs/architecture.md, "Rules and deliberation"):
 * locks the book's row for the motion's transaction, so two motions for the same book are created
 * one after the other, and checks that it is a draft of this village put forward for adoption
 * (whose items can no longer change). Throws MOTION_BOOK_NOT_PROPOSED.
 */
export async function lockProposedBook(tx: Tx, villageId: string, id: string): Promise<{ id: string; version: number }> {
  const book = await repo.lockBook(tx, villageId, id);
  if (!book || book.status !== "DRAFT" || !book.proposedAt) throw new DomainError("MOTION_BOOK_NOT_PROPOSED");
  return { id: book.id, version: book.version };
}

export type VoteAdoption = { adopted: boolean; reason: "ADOPTED" | "ALREADY" | "NOT_PROPOSED" | "POINTS_TOO_HIGH" };

/**
 * A village-wide vote on the book passed: the book is adopted citing the motion, inside the
 * closing transaction. The passed vote of the households replaces the supervisor's countersign (a
 * book put forward without a vote still needs it). Idempotent: a book already adopted by this
 * motion is left as it is; a book that is no longer a proposed draft (countersigned or refused
 * meanwhile), or whose items now exceed the village's limit, is not adopted, and the reason returned.
 */
export async function adoptByVoteInTx(tx: Tx, input: { villageId: string; ruleBookId: string; motionId: string; at: Date }): Promise<VoteAdoption> {
  const { villageId, motionId, at } = input;
  const book = await repo.lockBook(tx, villageId, input.ruleBookId);
  if (!book) return { adopted: false, reason: "NOT_PROPOSED" };
  if (book.adoptedByMotionId === motionId) return { adopted: false, reason: "ALREADY" };
  if (book.status !== "DRAFT" || !book.proposedAt) return { adopted: false, reason: "NOT_PROPOSED" };
  const size = await repo.bookSize(tx, villageId, book.id);
  if (Math.abs(size.maxAbsPoints) > (await maxRulePoints(tx, villageId))) return { adopted: false, reason: "POINTS_TOO_HIGH" };
  const previous = await repo.findAdopted(tx, villageId);
  if (previous) {
    await repo.updateBook(tx, previous.id, { status: "RETIRED", retiredAt: at });
    await recordAudit(tx, SYSTEM_ACTOR, {
      regionId: villageId,
      action: "rule.retire",
      entity: "RuleBook",
      entityId: previous.id,
      before: { version: previous.version, status: "ADOPTED" },
      after: { version: previous.version, status: "RETIRED", replacedByVersion: book.version },
    });
  }
  await repo.updateBook(tx, book.id, { status: "ADOPTED", adoptedAt: at, adoptedById: book.proposedById, adoptedByMotionId: motionId });
  await recordAudit(tx, SYSTEM_ACTOR, {
    regionId: villageId,
    action: "rule.adopt",
    entity: "RuleBook",
    entityId: book.id,
    before: { version: book.version, status: "DRAFT", proposedById: book.proposedById },
    after: { version: book.version, status: "ADOPTED", adoptedByMotionId: motionId, rules: size.count, retiredVersion: previous?.version ?? null },
  });
  return { adopted: true, reason: "ADOPTED" };
}
