import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 我的积分: the household card. Balance and statement arrive with the ledger. */
export default async function VillagerHome() {
  const [t, household] = await Promise.all([getTranslations(), (await serverCaller()).household.mine()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.villager.title")}</PageTitle>
      {household ? (
        <>
          <Card className="bg-gradient-to-br from-brand to-brand-dark text-white ring-0">
            <p className="text-base opacity-90">{t("home.villager.household", { number: household.number, head: household.headName })}</p>
            <p className="mt-3 text-base opacity-90">{t("home.villager.balance")}</p>
            <p className="text-4xl font-bold" data-testid="balance">
              —
            </p>
            <p className="mt-2 text-sm opacity-90">{t("home.villager.pendingSoon")}</p>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-bold">{t("home.villager.members")}</h2>
            <ul className="divide-y divide-stone-200">
              {household.members.map((m) => (
                <li key={m.id} className="flex min-h-12 items-center justify-between">
                  <span className="text-lg">{m.name}</span>
                  <span className="text-base text-stone-600">{t(`relations.${m.relation}` as "relations.HEAD")}</span>
                </li>
              ))}
            </ul>
          </Card>
        </>
      ) : (
        <Card>
          <p className="text-lg">{t("home.villager.noHousehold")}</p>
        </Card>
      )}
    </div>
  );
}
