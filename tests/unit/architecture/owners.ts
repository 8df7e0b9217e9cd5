/**
 * Who owns which table. Each Prisma model belongs to exactly one module; only that module's repo and
 * read files query it. Everyone else calls the owner's service (to write) or its read face (to read).
 * The same table is written out for people in docs/architecture.md ("Who owns which table").
 */
export const OWNERS: Record<string, string> = {
  // places and the people who work in them
  Region: "regions",
  Grid: "regions",
  VillageSettingChange: "regions",
  // people and their roles
  User: "accounts",
  Membership: "accounts",
  // signing in
  LoginThrottle: "auth",
  // who lives where
  Household: "households",
  HouseholdMember: "households",
  HouseholdPin: "households",
  // what a person or household should know
  Notification: "notifications",
  // the trail of who did what
  AuditLog: "audit",
  // the rule book
  RuleBook: "rules",
  Rule: "rules",
  // points proposed, published, objected to
  Award: "awards",
  NoticeBatch: "awards",
  Objection: "awards",
  RelatedHousehold: "awards",
  // the money-like part: only the ledger reads or writes it
  LedgerAccount: "ledger",
  LedgerTransaction: "ledger",
  LedgerPosting: "ledger",
  // village events and attendance
  Event: "events",
  EventCheckIn: "events",
  EventPresence: "events",
  CheckInCodeFailure: "events",
  EventSignup: "events",
  // the points shop
  Shop: "store",
  ShopKeeper: "store",
  ShopItem: "store",
  StockMove: "store",
  Redemption: "store",
  RedemptionLine: "store",
  Refund: "store",
  Settlement: "store",
  PaymentCodeUse: "store",
  // village self-government: notices
  Notice: "council",
  NoticeVersion: "council",
  NoticeRead: "council",
  NoticeAttachment: "council",
  // motions and votes, one per household
  Motion: "council",
  MotionElector: "council",
  MotionBallot: "council",
  MotionRequest: "council",
  Body: "council",
  BodyMember: "council",
  Meeting: "council",
  MeetingAttendance: "council",
  MeetingAgendaItem: "council",
  // 村民说事: matters raised, supported, answered and rated
  Matter: "matters",
  MatterSupport: "matters",
  MatterRating: "matters",
  MatterPhoto: "matters",
  MediationCase: "mediation",
  MediationParty: "mediation",
  MediationMediator: "mediation",
  MediationSession: "mediation",
  // 随手拍 photo reports
  Report: "reports",
  ReportPhoto: "reports",
  Landmark: "reports",
};

/**
 * Files that may query the database: a module's repo (`*.repo.ts`) and read face (`*.read.ts`), plus
 * the ledger's own writer and verifier (the ledger is small enough to be its own repo).
 */
export const DB_FILE = /(\.|\/)(repo|read)\.ts$/;
export const DB_FILES_EXTRA = ["server/ledger/ledger.ts", "server/ledger/verify.ts"];

/** Infrastructure below every module (connection, migrations, the prepared-statement cache). */
export const INFRASTRUCTURE = ["server/db/"];
