/**
 * Crossings that exist today and have not been moved behind their owner yet. Each line is
 * "<file> <rule> <model or import>". The ownership test fails on any crossing not listed here AND on
 * any line here that no longer happens, so the list can only shrink. Moving one: put the query in the
 * owner's repo or read face (reads) or service (writes), call that, and delete the line.
 */
export const NOT_YET_MOVED: string[] = [
  // server/modules/rules/rule.service.ts
  "server/modules/rules/rule.service.ts db-outside-repo Rule",
  "server/modules/rules/rule.service.ts db-outside-repo RuleBook",
  // server/modules/villages/village.service.ts
  "server/modules/villages/village.service.ts db-outside-repo AuditLog",
  "server/modules/villages/village.service.ts db-outside-repo Grid",
  "server/modules/villages/village.service.ts db-outside-repo Household",
  "server/modules/villages/village.service.ts db-outside-repo HouseholdMember",
  "server/modules/villages/village.service.ts db-outside-repo Membership",
  "server/modules/villages/village.service.ts db-outside-repo Region",
  "server/modules/villages/village.service.ts foreign-model AuditLog",
  "server/modules/villages/village.service.ts foreign-model Grid",
  "server/modules/villages/village.service.ts foreign-model Household",
  "server/modules/villages/village.service.ts foreign-model HouseholdMember",
  "server/modules/villages/village.service.ts foreign-model Membership",
  "server/modules/villages/village.service.ts foreign-model Region",
  // moved into new files by the check-in split and added with the town's supervisor appointments
  "server/modules/awards/intake.service.ts db-outside-repo Award",
  "server/modules/awards/intake.service.ts db-outside-repo Household",
  "server/modules/awards/intake.service.ts foreign-model Household",
];
