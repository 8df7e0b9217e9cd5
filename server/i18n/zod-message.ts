/**
 * Turns zod issues into one readable sentence in the caller's language, e.g.
 * 「户主姓名」太长（最多 20 个字） / "Head of household" is too long (at most 20 characters).
 * Schemas may set a message that is a catalogue key ("validation.phone"); it is translated here.
 */
import type { Locale } from "./config";
import { translate } from "./messages";

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  input?: unknown;
};

function fieldLabel(locale: Locale, path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string") as string | undefined;
  if (!last) return "";
  const label = translate(locale, `fields.${last}`);
  return label === `fields.${last}` ? last : label;
}

export function issueText(locale: Locale, issue: Issue): string {
  const field = fieldLabel(locale, issue.path);
  const prefix = field ? translate(locale, "validation.field", { field }) : "";
  if (issue.message.startsWith("validation.")) return prefix + translate(locale, issue.message);
  const isText = issue.origin === "string";
  const isList = issue.origin === "array" || issue.origin === "set";
  switch (issue.code) {
    case "too_big":
      return (
        prefix +
        translate(locale, isText ? "validation.tooLong" : isList ? "validation.tooMany" : "validation.tooLarge", {
          max: String(issue.maximum),
        })
      );
    case "too_small":
      if (isText && Number(issue.minimum) === 1) return prefix + translate(locale, "validation.required");
      return (
        prefix +
        translate(locale, isText ? "validation.tooShort" : isList ? "validation.tooFew" : "validation.tooSmall", {
          min: String(issue.minimum),
        })
      );
    case "invalid_type":
      // zod 4 leaves the input out of issues by default; its message still says what was received
      if (issue.expected === "int") return prefix + translate(locale, "validation.integer");
      if ("input" in issue ? issue.input == null : /received (undefined|null)/.test(issue.message)) {
        return prefix + translate(locale, "validation.required");
      }
      return prefix + translate(locale, "validation.wrongType");
    case "invalid_value":
    case "invalid_union":
      return prefix + translate(locale, "validation.choice");
    case "invalid_format":
      return prefix + translate(locale, "validation.format");
    case "not_multiple_of":
      return prefix + translate(locale, "validation.integer");
    default:
      return prefix + translate(locale, "validation.wrongType");
  }
}

export function zodMessage(locale: Locale, issues: readonly Issue[]): string {
  const parts = issues.slice(0, 3).map((i) => issueText(locale, i));
  const detail = parts.join(locale === "zh" ? "；" : "; ");
  return translate(locale, "errors.INVALID_INPUT", { detail });
}
