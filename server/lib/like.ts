/**
 * Prisma's `contains`/`startsWith` put the text inside a LIKE pattern without escaping it on
 * PostgreSQL, so a search for "%" or "_" matches everything. Escape LIKE's wildcards (and the escape
 * character itself, PostgreSQL's default backslash) before passing user text to them.
 */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
