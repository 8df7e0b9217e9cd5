/**
 * The one permission table: (role, action) -> allowed. Every tRPC procedure names its action, the
 * procedure builder enforces it, and tests/integration/authz-matrix.int.test.ts calls every procedure
 * as every role to prove the table is obeyed.
 * Scope (which village, which household) is enforced separately, by the `where` of every query.
 */
import type { Role } from "@/server/db/generated/enums";

export const ROLES = [
  "VILLAGER",
  "COMMITTEE",
  "SUPERVISOR",
  "GRID_WORKER",
  "SHOPKEEPER",
  "TOWN_ADMIN",
  "COUNTY_ADMIN",
] as const satisfies readonly Role[];

const EVERYONE = ROLES;
const VILLAGE_STAFF = ["COMMITTEE", "SUPERVISOR", "GRID_WORKER"] as const;
const ADMINS = ["TOWN_ADMIN", "COUNTY_ADMIN"] as const;
const VILLAGE_PEOPLE = ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER", "SHOPKEEPER"] as const;

export const PERMISSIONS = {
  // session and profile
  "me.get": EVERYONE,
  "me.changePassword": EVERYONE,
  "me.signOutEverywhere": EVERYONE,
  // notifications addressed to the person or their household, and links to a household waiting for
  // the account holder's answer (an account of any role can be asked)
  "notification.list": EVERYONE,
  "notification.markRead": EVERYONE,
  "me.links": EVERYONE,
  "me.answerLink": EVERYONE,
  // villager: their own household
  "household.mine": ["VILLAGER"],
  // household register
  "household.list": VILLAGE_STAFF,
  "household.get": VILLAGE_STAFF,
  "household.create": ["COMMITTEE"],
  "household.update": ["COMMITTEE"],
  "household.setStatus": ["COMMITTEE"],
  "household.addMember": ["COMMITTEE"],
  "household.removeMember": ["COMMITTEE"],
  "household.linkMember": ["COMMITTEE"],
  // the committee cannot set a household's card PIN, only clear it (with a reason) for the household to set anew
  "household.resetPin": ["COMMITTEE"],
  "household.import": ["COMMITTEE"],
  // printed household cards (QR + 户号 + head's name), as a print sheet and a PDF
  "household.cards": ["COMMITTEE"],
  "grid.list": VILLAGE_STAFF,
  "village.summary": VILLAGE_STAFF,
  // village settings (公示 days, check-in awards that skip review, the largest rule item): the
  // committee changes them in the open (audited, posted on the notice board); supervisors read them
  "village.settings": ["COMMITTEE", "SUPERVISOR"],
  "village.updateSettings": ["COMMITTEE"],
  // accounts of people in the village
  "account.list": ["COMMITTEE"],
  "account.create": ["COMMITTEE"],
  "account.resetPassword": ["COMMITTEE"],
  "account.setRole": ["COMMITTEE"],
  // supervisors are appointed and removed by the town, never by the committee they watch
  "supervisor.village": ADMINS,
  "supervisor.set": ADMINS,
  // the village's own supervisors and committee; the town for the villages below it
  "supervisor.history": ["SUPERVISOR", "COMMITTEE", ...ADMINS],
  // town and county: villages below them
  "region.villages": ADMINS,
  "region.createVillage": ADMINS,
  // audit trail
  "audit.list": ["COMMITTEE", "SUPERVISOR", ...ADMINS],
  // rule books (积分细则): the committee drafts and puts forward, a supervisor countersigns (adopts)
  // or refuses; everyone in the village reads the one in force
  "rule.adopted": VILLAGE_PEOPLE,
  "rule.books": ["COMMITTEE", "SUPERVISOR"],
  "rule.book": ["COMMITTEE", "SUPERVISOR"],
  "rule.createDraft": ["COMMITTEE"],
  "rule.saveRule": ["COMMITTEE"],
  "rule.removeRule": ["COMMITTEE"],
  "rule.adopt": ["COMMITTEE"],
  "rule.countersign": ["SUPERVISOR"],
  "rule.refuse": ["SUPERVISOR"],
  // awards and deductions with due process
  "award.propose": ["COMMITTEE"],
  "award.proposeBatch": ["COMMITTEE"],
  "award.list": ["COMMITTEE", "SUPERVISOR"],
  "award.get": ["COMMITTEE", "SUPERVISOR"],
  "award.approve": ["SUPERVISOR"],
  "award.reject": ["SUPERVISOR"],
  "award.reverse": ["SUPERVISOR"],
  "publicity.publish": ["COMMITTEE"],
  "publicity.batches": ["COMMITTEE", "SUPERVISOR"],
  "publicity.board": ["VILLAGER", ...VILLAGE_STAFF],
  "objection.create": ["VILLAGER"],
  "objection.list": ["COMMITTEE", "SUPERVISOR"],
  "objection.rule": ["SUPERVISOR"],
  "relation.list": ["COMMITTEE", "SUPERVISOR"],
  "relation.declare": ["COMMITTEE", "SUPERVISOR"],
  // only the supervisor a relation was proposed for answers it
  "relation.answer": ["SUPERVISOR"],
  // the household's points (villager) and the trail behind each entry
  "points.summary": ["VILLAGER"],
  "points.statement": ["VILLAGER"],
  "points.pending": ["VILLAGER"],
  "points.trail": ["VILLAGER", "COMMITTEE", "SUPERVISOR"],
  // events and QR check-in (docs/architecture.md, "Check-in and the store")
  "event.list": VILLAGE_PEOPLE,
  "event.create": ["COMMITTEE"],
  "event.close": ["COMMITTEE"],
  "event.cancel": ["COMMITTEE"],
  "event.kiosk": ["COMMITTEE", "GRID_WORKER"],
  "event.signup": ["VILLAGER"],
  "event.checkIn": ["VILLAGER"],
  "event.staffCheckIn": ["COMMITTEE", "GRID_WORKER"],
  "event.roster": ["COMMITTEE", "GRID_WORKER", "SUPERVISOR"],
  // the points store (积分超市, docs/architecture.md, "Check-in and the store")
  "store.shops": ["COMMITTEE", "SUPERVISOR", "SHOPKEEPER"],
  "store.createShop": ["COMMITTEE"],
  "store.assignKeeper": ["COMMITTEE"],
  "store.catalog": ["VILLAGER"],
  "store.paymentCode": ["VILLAGER"],
  "store.lookupPayer": ["SHOPKEEPER"],
  "store.redeem": ["SHOPKEEPER"],
  "store.refund": ["SHOPKEEPER", "SUPERVISOR"],
  "store.receipts": ["VILLAGER", "SHOPKEEPER", "COMMITTEE", "SUPERVISOR"],
  "store.setPin": ["VILLAGER"],
  "item.list": ["SHOPKEEPER", "COMMITTEE"],
  "item.save": ["SHOPKEEPER"],
  "item.adjustStock": ["SHOPKEEPER"],
  "item.history": ["SHOPKEEPER"],
  // an item's photo (route handler): whoever sees the catalogue, the shelf or the POS
  "item.photo": ["VILLAGER", "SHOPKEEPER", "COMMITTEE", "SUPERVISOR"],
  "settlement.owed": ["COMMITTEE"],
  "settlement.record": ["COMMITTEE"],
  "settlement.statement": ["COMMITTEE", "SHOPKEEPER"],
  // village notices (docs/architecture.md, "Rules and deliberation"): the committee drafts, publishes,
  // corrects and pins; the supervisors read along; everyone in the village reads what is published
  "notice.list": ["COMMITTEE", "SUPERVISOR"],
  "notice.get": ["COMMITTEE", "SUPERVISOR"],
  "notice.create": ["COMMITTEE"],
  "notice.update": ["COMMITTEE"],
  "notice.publish": ["COMMITTEE"],
  "notice.correct": ["COMMITTEE"],
  "notice.pin": ["COMMITTEE"],
  "notice.board": VILLAGE_PEOPLE,
  "notice.open": VILLAGE_PEOPLE,
  "notice.attach": ["COMMITTEE"],
  "notice.detach": ["COMMITTEE"],
  "notice.attachment": VILLAGE_PEOPLE,
  // motions and votes: the committee drafts, opens (freezing the electorate) and closes; supervisors
  // watch turnout; every account of the village sees the votes, and a household member casts its one vote
  "motion.list": ["COMMITTEE", "SUPERVISOR"],
  "motion.create": ["COMMITTEE"],
  "motion.open": ["COMMITTEE"],
  "motion.close": ["COMMITTEE"],
  // no one acts alone: before its closing time (unless every household voted) an open vote is closed
  // early or cancelled only on a committee member's request that a supervisor (another person) confirms
  "motion.cancel": ["COMMITTEE"],
  "motion.request": ["COMMITTEE"],
  "motion.withdrawRequest": ["COMMITTEE"],
  "motion.requests": ["COMMITTEE", "SUPERVISOR"],
  "motion.confirmRequest": ["SUPERVISOR"],
  "motion.refuseRequest": ["SUPERVISOR"],
  "motion.village": ADMINS,
  "motion.board": VILLAGE_PEOPLE,
  "motion.vote": VILLAGE_PEOPLE,
  // paper ballots handed in at a meeting: the committee (its secretary) enters them and sees who voted how (app/paper), never what
  "motion.paperSheet": ["COMMITTEE"],
  "motion.paperVote": ["COMMITTEE"],
  "motion.paperSecret": ["COMMITTEE"],
  // village bodies (docs/architecture.md, "Councils as bodies"): the committee records them and their
  // members' terms; supervisors read along; villagers see current members; the town and county read
  "body.list": ["COMMITTEE", "SUPERVISOR"],
  "body.people": ["COMMITTEE"],
  "body.create": ["COMMITTEE"],
  "body.addMember": ["COMMITTEE"],
  "body.endTerm": ["COMMITTEE"],
  "body.board": VILLAGE_PEOPLE,
  "body.village": ADMINS,
  // a body's meetings (docs/architecture.md, "Meetings"): the committee schedules, marks attendance
  // and publishes the minutes; supervisors read along; the town and county read the villages below
  "meeting.list": ["COMMITTEE", "SUPERVISOR"],
  "meeting.schedule": ["COMMITTEE"],
  "meeting.agenda": ["COMMITTEE"],
  "meeting.attend": ["COMMITTEE"],
  // attendance by QR: the secretary's kiosk, a member's own scan; by printed card: the secretary or a
  // grid worker (their own grid's households), who also see the scheduled meetings to pick one
  "meeting.kiosk": ["COMMITTEE"],
  "meeting.checkIn": VILLAGE_PEOPLE,
  "meeting.card": ["COMMITTEE", "GRID_WORKER"],
  "meeting.upcoming": ["COMMITTEE", "GRID_WORKER"],
  // 村务 · 会议: the meetings of the villager's bodies and the village-wide 村民会议
  "meeting.mine": VILLAGE_PEOPLE,
  "meeting.minutes": ["COMMITTEE"],
  "meeting.village": ADMINS,
  // 村民说事 (docs/architecture.md, "Villagers' matters"): a household raises, supports and rates (a grid
  // worker for households of their grid, as proxy); the committee answers, declines, puts on an agenda
  // and records what was done; supervisors read along; the town and county see each village's counts
  "matter.board": ["VILLAGER", "GRID_WORKER"],
  "matter.get": ["VILLAGER", "GRID_WORKER", "COMMITTEE", "SUPERVISOR"],
  "matter.raise": ["VILLAGER", "GRID_WORKER"],
  "matter.support": ["VILLAGER", "GRID_WORKER"],
  "matter.rate": ["VILLAGER", "GRID_WORKER"],
  "matter.queue": ["COMMITTEE", "SUPERVISOR"],
  "matter.answer": ["COMMITTEE"],
  "matter.decline": ["COMMITTEE"],
  "matter.agenda": ["COMMITTEE"],
  "matter.complete": ["COMMITTEE"],
  "matter.village": ADMINS,
  // a matter's photo (route handler): people of the matter's village
  "matter.photo": ["VILLAGER", "GRID_WORKER", "COMMITTEE", "SUPERVISOR"],
  // 人民调解 (docs/architecture.md, "Mediation"): cases are read only within the reader's scope (parties'
  // households, the case's mediators, the committee and the 人民调解委员会) and changed only by the case's
  // mediators (a 调委会 member may hold any village role); the committee or a grid worker opens a case;
  // a party household's villager confirms the agreement; the town, county and committee read numbers
  "mediation.list": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.get": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.candidates": ["COMMITTEE", "GRID_WORKER"],
  "mediation.open": ["COMMITTEE", "GRID_WORKER"],
  "mediation.schedule": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.recordSession": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.agree": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.confirmPaper": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.refer": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.withdraw": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.followUp": ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER"],
  "mediation.confirm": ["VILLAGER"],
  "mediation.stats": ["COMMITTEE", "TOWN_ADMIN", "COUNTY_ADMIN"],
  // 随手拍 reports (docs/architecture.md, "随手拍 reports"): a villager files for their household, a
  // grid worker for a household of their grid (proxy); the grid worker of the report's grid or the
  // committee reviews; supervisors read along; the photo route serves those who may see the report
  "report.create": ["VILLAGER", "GRID_WORKER"],
  "report.mine": ["VILLAGER"],
  "report.options": ["VILLAGER", "GRID_WORKER", "COMMITTEE"],
  "report.queue": ["GRID_WORKER", "COMMITTEE", "SUPERVISOR"],
  "report.accept": ["GRID_WORKER", "COMMITTEE"],
  "report.decline": ["GRID_WORKER", "COMMITTEE"],
  "report.markDuplicate": ["GRID_WORKER", "COMMITTEE"],
  "report.ofAward": ["VILLAGER", "COMMITTEE", "SUPERVISOR"],
  "report.photo": ["VILLAGER", "GRID_WORKER", "COMMITTEE", "SUPERVISOR"],
  "landmark.list": ["COMMITTEE"],
  "landmark.save": ["COMMITTEE"],
  "landmark.remove": ["COMMITTEE"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Roles that act inside one village (their membership's region is a village). */
export const VILLAGE_ROLES: readonly Role[] = ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER", "SHOPKEEPER"];

/** Roles a committee may give to people of its own village: not SUPERVISOR, which the town appoints. */
export const ASSIGNABLE_BY_COMMITTEE: readonly Role[] = VILLAGE_ROLES.filter((r) => r !== "SUPERVISOR");
