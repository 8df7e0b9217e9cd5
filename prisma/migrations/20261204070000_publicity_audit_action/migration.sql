-- The points publicity (积分公示) use case was renamed from "notice" to "publicity" so that "notice"
-- stays free for council notices. Its audit records are renamed with it so the history reads one name.
-- No schema change.
UPDATE "AuditLog" SET "action" = 'publicity.publish' WHERE "action" = 'notice.publish';
