import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge, Stat } from "@/components/ui/stat";
import type { VillageSummary } from "@/server/modules/villages/village.schema";

/** The village (or, for a grid worker, the grid) at a glance: households, members, grids, accounts. */
export async function VillageSummaryView({ s }: { s: VillageSummary }) {
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Stat
          label={t("village.households")}
          value={s.households.active}
          note={t("village.inactive", { count: s.households.inactive })}
          testId="stat-households"
        />
        <Stat
          label={t("village.members")}
          value={s.members}
          note={t("village.withAccount", { count: s.membersWithAccount })}
          testId="stat-members"
        />
        {s.scope === "VILLAGE" ? (
          <>
            <Stat label={t("village.grids")} value={s.grids.length} testId="stat-grids" />
            <Stat
              label={t("village.accounts")}
              value={(s.accountsByRole ?? []).reduce((n, r) => n + r.count, 0)}
              testId="stat-accounts"
            />
          </>
        ) : null}
      </div>

      {s.scope === "VILLAGE" ? (
        <Card>
          <h2 className="mb-1 text-lg font-bold">{t("village.grids")}</h2>
          {s.grids.length === 0 ? (
            <p className="text-base text-stone-600">{t("village.noGrids")}</p>
          ) : (
            <ul className="divide-y divide-stone-200" data-testid="grid-counts">
              {s.grids.map((g) => (
                <li key={g.id} className="flex min-h-11 items-center justify-between text-base">
                  <span>{g.name}</span>
                  <span className="text-stone-700">{t("village.householdsIn", { count: g.households })}</span>
                </li>
              ))}
              {s.householdsWithoutGrid ? (
                <li className="flex min-h-11 items-center justify-between text-base text-stone-600">
                  <span>{t("village.withoutGrid")}</span>
                  <span>{t("village.householdsIn", { count: s.householdsWithoutGrid })}</span>
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      ) : null}

      {s.accountsByRole && s.accountsByRole.length > 0 ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("village.byRole")}</h2>
          <div className="flex flex-wrap gap-2">
            {s.accountsByRole.map((r) => (
              <Badge key={r.role}>
                {t(`roles.${r.role}` as "roles.VILLAGER")} {r.count}
              </Badge>
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
