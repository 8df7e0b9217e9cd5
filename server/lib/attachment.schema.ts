/** Limits of files attached to notices (client-safe: the upload form states them). */
export const PDF_MAX_BYTES = 5 * 1024 * 1024;
/** The whole upload request: the largest file plus the form's own bytes. */
export const ATTACHMENT_REQUEST_MAX_BYTES = PDF_MAX_BYTES + 64 * 1024;
export const ATTACHMENT_NAME_MAX = 80;
export const NOTICE_ATTACHMENTS_MAX = 5;
