/**
 * The message catalogue, one JSON file per namespace and language under ./messages/<locale>/.
 * next-intl serves it to pages; `translate` serves the server (error messages).
 */
import zhCommon from "./messages/zh/common.json";
import enCommon from "./messages/en/common.json";
import zhErrors from "./messages/zh/errors.json";
import enErrors from "./messages/en/errors.json";
import zhHousehold from "./messages/zh/household.json";
import enHousehold from "./messages/en/household.json";
import zhAdmin from "./messages/zh/admin.json";
import enAdmin from "./messages/en/admin.json";
import zhRules from "./messages/zh/rules.json";
import enRules from "./messages/en/rules.json";
import zhPoints from "./messages/zh/points.json";
import enPoints from "./messages/en/points.json";
import zhEvents from "./messages/zh/events.json";
import enEvents from "./messages/en/events.json";
import zhStore from "./messages/zh/store.json";
import enStore from "./messages/en/store.json";
import zhCards from "./messages/zh/cards.json";
import enCards from "./messages/en/cards.json";
import zhNotices from "./messages/zh/notices.json";
import enNotices from "./messages/en/notices.json";
import zhSettings from "./messages/zh/settings.json";
import enSettings from "./messages/en/settings.json";
import zhVotes from "./messages/zh/votes.json";
import enVotes from "./messages/en/votes.json";
import zhBodies from "./messages/zh/bodies.json";
import enBodies from "./messages/en/bodies.json";
import zhMeetings from "./messages/zh/meetings.json";
import enMeetings from "./messages/en/meetings.json";
import zhMatters from "./messages/zh/matters.json";
import enMatters from "./messages/en/matters.json";
import zhMediation from "./messages/zh/mediation.json";
import enMediation from "./messages/en/mediation.json";
import zhReports from "./messages/zh/reports.json";
import enReports from "./messages/en/reports.json";
import type { Locale } from "./config";

export const MESSAGES = {
  zh: { ...zhCommon, errors: zhErrors, ...zhHousehold, ...zhAdmin, ...zhRules, ...zhPoints, ...zhEvents, ...zhStore, ...zhCards, ...zhNotices, ...zhSettings, ...zhVotes, ...zhBodies, ...zhMeetings, ...zhMatters, ...zhMediation, ...zhReports },
  en: { ...enCommon, errors: enErrors, ...enHousehold, ...enAdmin, ...enRules, ...enPoints, ...enEvents, ...enStore, ...enCards, ...enNotices, ...enSettings, ...enVotes, ...enBodies, ...enMeetings, ...enMatters, ...enMediation, ...enReports },
} as const;

export type Messages = (typeof MESSAGES)["zh"];

/** Looks up "a.b.c" in the catalogue and fills {placeholders}; falls back to the key. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === "string" ? node : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
