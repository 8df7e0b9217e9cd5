import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateVillageForm } from "@/components/admin/create-village-form";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * 辖区概况 for town and county staff: their towns and villages with counts, and creating a village
 * with its first committee account. Read-only otherwise: each village keeps its own rules.
 */
export default async function AdminHome() {
  const [t, towns] = await Promise.all([getTranslations(), (await serverCaller()).region.villages()]);
  const villages = towns.reduce((n, town) => n + town.villages.length, 0);
  const households = towns.reduce((n, town) => n + town.households, 0);
  const accounts = towns.reduce((n, town) => n + town.accounts, 0);
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.admin.title")}</PageTitle>
      <p className="-mt-3 text-base text-stone-700" data-testid="admin-totals">
        {t("admin.summary", { villages, households, accounts })}
      </p>
      <p className="text-sm text-stone-600">{t("admin.readOnly")}</p>

      {towns.map((town) => (
        <Card key={town.id}>
          <h2 className="text-xl font-bold" data-testid="town-name">
            {town.name}
          </h2>
          {town.villages.length === 0 ? (
            <p className="mt-1 text-base text-stone-600">{t("admin.noVillages")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-stone-200">
              {town.villages.map((v) => (
                <li key={v.id} className="py-2" data-testid="village-row">
                  <p className="text-lg font-medium">{v.name}</p>
                  <p className="text-base text-stone-600">
                    {t("admin.villageLine", { households: v.households, accounts: v.accounts, noticeDays: v.noticeDays })}
                  </p>
                  <p className="text-base text-stone-600" data-testid="village-settings">
                    {t("admin.villageSettingsLine", {
                      maxRulePoints: v.maxRulePoints,
                      auto: v.checkInAutoApproveMaxPoints ? t("admin.autoUpTo", { points: v.checkInAutoApproveMaxPoints }) : t("admin.autoOff"),
                    })}
                  </p>
                  <Link href={`/a/villages/${v.id}`} className="mt-1 inline-flex min-h-11 items-center text-base text-brand underline" data-testid="village-supervisors-link">
                    {t("supervisors.link")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}

      <Card>
        <h2 className="text-xl font-bold">{t("admin.createTitle")}</h2>
        <p className="mb-3 text-base text-stone-600">{t("admin.createHint")}</p>
        <CreateVillageForm towns={towns.map((town) => ({ id: town.id, name: town.name }))} />
      </Card>

      <Link href="/a/mediation" className="flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg" data-testid="go-mediation">
        {t("mediation.stats.title")}
      </Link>
      <Link href="/a/audit" className="flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg">
        {t("admin.auditLink")}
      </Link>
    </div>
  );
}
