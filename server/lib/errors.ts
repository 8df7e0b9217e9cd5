/**
 * The one error type of the domain. Services throw `new DomainError("HOUSEHOLD_NUMBER_TAKEN")`;
 * server/trpc maps the code once to a tRPC code and to the message of the caller's language
 * (the catalogue is the `errors` namespace of server/i18n/messages).
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  NO_MEMBERSHIP: "FORBIDDEN",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "BAD_REQUEST",
  LOGIN_FAILED: "UNAUTHORIZED",
  LOGIN_RATE_LIMITED: "TOO_MANY_REQUESTS",
  ACCOUNT_DISABLED: "FORBIDDEN",
  PHONE_TAKEN: "CONFLICT",
  HOUSEHOLD_NUMBER_TAKEN: "CONFLICT",
  HOUSEHOLD_INACTIVE: "BAD_REQUEST",
  HEAD_CANNOT_BE_REMOVED: "BAD_REQUEST",
  MEMBER_ALREADY_LINKED: "CONFLICT",
  ACCOUNT_IN_OTHER_HOUSEHOLD: "CONFLICT",
  PASSWORD_REQUIRED: "BAD_REQUEST",
  ROLE_NOT_ASSIGNABLE: "FORBIDDEN",
  GRID_REQUIRED: "BAD_REQUEST",
  OWN_COMMITTEE_ROLE: "BAD_REQUEST",
  ACCOUNT_SHARED: "FORBIDDEN",
  REGION_NAME_TAKEN: "CONFLICT",
  IMPORT_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  IMPORT_BAD_FORMAT: "BAD_REQUEST",
  IMPORT_BAD_COLUMNS: "BAD_REQUEST",
  IMPORT_HAS_ERRORS: "BAD_REQUEST",
  IMPORT_EMPTY: "BAD_REQUEST",
  IMPORT_TOO_MANY_ROWS: "PAYLOAD_TOO_LARGE",
  INSUFFICIENT_POINTS: "BAD_REQUEST",
  ALREADY_REVERSED: "CONFLICT",
  IDEMPOTENCY_CONFLICT: "CONFLICT",
  RULE_BOOK_NOT_DRAFT: "BAD_REQUEST",
  RULE_BOOK_EMPTY: "BAD_REQUEST",
  RULE_CODE_TAKEN: "CONFLICT",
  RULE_DRAFT_EXISTS: "CONFLICT",
  RULE_NONE_ADOPTED: "BAD_REQUEST",
  RULE_NOT_IN_FORCE: "BAD_REQUEST",
  EVIDENCE_REQUIRED: "BAD_REQUEST",
  CAP_EXCEEDED: "BAD_REQUEST",
  BATCH_EMPTY: "BAD_REQUEST",
  OWN_PROPOSAL: "FORBIDDEN",
  RELATED_HOUSEHOLD: "FORBIDDEN",
  AWARD_WRONG_STATE: "CONFLICT",
  OBJECTION_WINDOW_CLOSED: "BAD_REQUEST",
  ALREADY_OBJECTED: "CONFLICT",
  NOTHING_TO_PUBLISH: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Values for the message's placeholders, and structured detail for the caller (e.g. import rows). */
  readonly params: Record<string, string | number>;
  readonly detail?: unknown;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, detail?: unknown) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.params = params;
    this.detail = detail;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
