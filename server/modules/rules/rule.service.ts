/**
 * The village rule book (积分细则 / 村规民约 points items): versions DRAFT → ADOPTED → RETIRED.
 * Exactly one version is in force (a partial unique index guarantees it); awards cite it, so an
 * adopted or retired version never changes: changes go into a new draft, adopted by a recorded vote.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
import { assertEditable, isEditable, ruleVillage } from "./rule.policy";
import * as repo from "./rule.repo";
import { groupRules, type AdoptInput, type CreateDraftInput, type SaveRuleInput } from "./rule.schema";
import { userNames } from "../accounts/account.read";

/**
 * The version in force, its items grouped by category, and how it was adopted; `book` is null
 * while the village has adopted none. Readable by everyone of the village.
 */
export async function adoptedRules(deps: Deps, actor: Actor) {
  const villageId = ruleVillage(actor);
  const book = await repo.findAdopted(deps.db, villageId);
  if (!book) return { book: null, groups: [], ruleCount: 0 };
  const rules = await repo.listRules(deps.db, villageId, book.id);
  return {
    book: { id: book.id, version: book.version, title: book.title, adoptedAt: book.adoptedAt, adoptedBy: book.adoptedBy },
    groups: groupRules(rules),
    ruleCount: rules.length,
  };
}

/** Every version of the village, newest first, with item counts and who drafted and adopted it. */
export async function listBooks(deps: Deps, actor: Actor) {
  const villageId = ruleVillage(actor);
  const books = await repo.listBooks(deps.db, villageId);
  const names = await userNames(deps.db, books.flatMap((b) => [b.createdById, b.adoptedById]));
  const versionOf = new Map(books.map((b) => [b.id, b.version]));
  return books.map(({ createdById, adoptedById, basedOnId, ...b }) => ({
    ...b,
    basedOnVersion: basedOnId ? (versionOf.get(basedOnId) ?? null) : null,
    createdByName: names.get(createdById) ?? "",
    adoptedByName: adoptedById ? (names.get(adoptedById) ?? "") : null,
  }));
}

/** One version with all its items (in category order; group them with groupRules). Throws NOT_FOUND (also for another village's book). */
export async function getBook(deps: Deps, actor: Actor, id: string) {
  const villageId = ruleVillage(actor);
  const book = await repo.findBook(deps.db, villageId, id);
  if (!book) throw new DomainError("NOT_FOUND");
  const [rules, names, basedOn] = await Promise.all([
    repo.listRules(deps.db, villageId, book.id),
    userNames(deps.db, [book.createdById, book.adoptedById]),
    book.basedOnId ? repo.findBook(deps.db, villageId, book.basedOnId) : Promise.resolve(null),
  ]);
  const { createdById, adoptedById, basedOnId: _basedOnId, ...rest } = book;
  return {
    ...rest,
    editable: isEditable(book.status),
    basedOnVersion: basedOn?.version ?? null,
    createdByName: names.get(createdById) ?? "",
    adoptedByName: adoptedById ? (names.get(adoptedById) ?? "") : null,
    rules,
    counts: { add: rules.filter((r) => r.points > 0).length, deduct: rules.filter((r) => r.points < 0).length },
  };
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
      const book = await tx.ruleBook.create({
        data: { villageId, version, title: input.title, status: "DRAFT", basedOnId: adopted?.id ?? null, createdById: actor.userId },
        select: { id: true, version: true },
      });
      let copied = 0;
      if (adopted) {
        const rules = await repo.rulesForCopy(tx, villageId, adopted.id);
        if (rules.length) {
          const r = await tx.rule.createMany({ data: rules.map((rule) => ({ ...rule, ruleBookId: book.id, villageId })) });
          copied = r.count;
        }
      }
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
 * village / not in that book), RULE_BOOK_NOT_DRAFT (adopted or retired versions never change),
 * RULE_CODE_TAKEN (the code is used by another item of the same book).
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
      assertEditable(book.status);
      if (input.id) {
        const before = await tx.rule.findFirst({
          where: { id: input.id, ruleBookId: book.id, villageId },
          select: repo.RULE_SELECT,
        });
        if (!before) throw new DomainError("NOT_FOUND");
        const after = await tx.rule.update({ where: { id: before.id }, data: fields, select: repo.RULE_SELECT });
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
      const created = await tx.rule.create({
        data: { ...fields, ruleBookId: book.id, villageId, sort: await repo.nextSort(tx, book.id) },
        select: repo.RULE_SELECT,
      });
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
    const rule = await tx.rule.findFirst({ where: { id: input.id, villageId }, select: { ...repo.RULE_SELECT, ruleBookId: true } });
    if (!rule) throw new DomainError("NOT_FOUND");
    const book = await repo.lockBook(tx, villageId, rule.ruleBookId);
    if (!book) throw new DomainError("NOT_FOUND");
    assertEditable(book.status);
    await tx.rule.delete({ where: { id: rule.id }, select: { id: true } });
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
 * Puts a draft in force by a recorded meeting or vote; the version in force until now is retired
 * in the same transaction. Throws NOT_FOUND, RULE_BOOK_NOT_DRAFT (already adopted or retired,
 * e.g. a second tap), RULE_BOOK_EMPTY.
 */
export async function adopt(deps: Deps, actor: Actor, input: AdoptInput) {
  const villageId = ruleVillage(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const book = await repo.lockBook(tx, villageId, input.id);
    if (!book) throw new DomainError("NOT_FOUND");
    assertEditable(book.status);
    const count = await tx.rule.count({ where: { ruleBookId: book.id, villageId } });
    if (count === 0) throw new DomainError("RULE_BOOK_EMPTY");
    // Retire first: the partial unique index allows one ADOPTED per village at every moment.
    const previous = await repo.findAdopted(tx, villageId);
    if (previous) {
      await tx.ruleBook.update({ where: { id: previous.id }, data: { status: "RETIRED", retiredAt: now }, select: { id: true } });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "rule.retire",
        entity: "RuleBook",
        entityId: previous.id,
        before: { version: previous.version, status: "ADOPTED" },
        after: { version: previous.version, status: "RETIRED", replacedByVersion: book.version },
      });
    }
    await tx.ruleBook.update({
      where: { id: book.id },
      data: { status: "ADOPTED", adoptedAt: now, adoptedById: actor.userId, adoptedBy: input.adoptedBy },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "rule.adopt",
      entity: "RuleBook",
      entityId: book.id,
      before: { version: book.version, status: "DRAFT" },
      after: { version: book.version, status: "ADOPTED", adoptedBy: input.adoptedBy, rules: count, retiredVersion: previous?.version ?? null },
    });
    return { id: book.id, version: book.version, retiredId: previous?.id ?? null };
  });
}
