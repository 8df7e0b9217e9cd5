import { useTranslations } from "next-intl";
import { formatDateTime } from "@/server/lib/village-time.schema";

type Change = { id: string; setting: string; before: number; after: number; reason: string; createdAt: Date; changedByName?: string };

/** A list of village setting changes (the settings page with who changed it; the notice board without). */
export function SettingChanges({ changes, locale, empty, testId }: { changes: Change[]; locale: string; empty?: string; testId: string }) {
  const t = useTranslations("settings");
  if (changes.length === 0) return empty ? <p className="py-3 text-lg text-stone-700">{empty}</p> : null;
  const name = (s: string) => (["noticeDays", "checkInAutoApproveMaxPoints", "maxRulePoints", "matterSupportThreshold", "matterAnswerDays"].includes(s) ? t(`names.${s}` as "names.noticeDays") : s);
  return (
    <ul className="divide-y divide-stone-200" data-testid={testId}>
      {changes.map((c) => (
        <li key={c.id} className="py-3" data-testid="setting-change">
          <p className="text-lg font-medium text-stone-900">{t("change", { setting: name(c.setting), before: c.before, after: c.after })}</p>
          <p className="text-base text-stone-700">{t("changeReason", { reason: c.reason })}</p>
          <p className="text-base text-stone-600">
            {c.changedByName ? t("changeBy", { name: c.changedByName, date: formatDateTime(c.createdAt, locale) }) : formatDateTime(c.createdAt, locale)}
          </p>
        </li>
      ))}
    </ul>
  );
}
