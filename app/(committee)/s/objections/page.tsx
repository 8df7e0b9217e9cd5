import { getLocale, getTranslations } from "next-intl/server";
import { AwardRowBody } from "@/components/points/award-row";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { ObjectionQueue } from "@/components/points/objection-queue";
import { Card, PageTitle } from "@/components/ui/card";
import { ANSWER_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 异议: open objections to rule on, then the ones already ruled (with their answers). */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, all] = await Promise.all([getTranslations("points"), getLocale(), caller.objection.list({})]);
  const open = all.items.filter((o) => o.status === "OPEN");
  const ruled = all.items.filter((o) => o.status !== "OPEN").slice(0, 30);
  return (
    <div className="space-y-4">
      <PageTitle>{t("objections.title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("objections.intro")}</p>
      <ObjectionQueue key={open.map((o) => o.id).join(",")} items={open} answerMax={ANSWER_MAX} />
      {ruled.length ? (
        <section className="space-y-2">
          <h2 className="text-xl font-bold">{t("objections.ruled")}</h2>
          <ul className="space-y-2" data-testid="objections-ruled">
            {ruled.map((o) => (
              <li key={o.id}>
                <Card>
                  <AwardRowBody a={o.award} />
                  <p className="mt-2 text-base text-stone-700">
                    {t("objections.by", { name: o.objector.name, number: o.objector.householdNumber ?? "—", date: formatDateTime(o.createdAt, locale) })}
                  </p>
                  <p className="text-lg text-stone-900">{o.reason}</p>
                  <p className="mt-1 text-base font-medium text-stone-900">{t(`objectionStatus.${o.status}` as "objectionStatus.OPEN")}</p>
                  {o.answer ? (
                    <p className="border-l-4 border-brand pl-2 text-base text-stone-900">
                      {t("trail.answer", { name: o.ruledByName ?? "", answer: o.answer })}
                    </p>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
