import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";
import { formatDay } from "@/server/lib/village-time.schema";
import { RuleGroups } from "./rule-item";

/**
 * The rules in force as villagers read them: large text, by category, with a row of category
 * shortcuts so a long list is one tap away from the part people look for.
 */
export async function VillagerRules() {
  const caller = await serverCaller();
  const [t, locale, data] = await Promise.all([getTranslations("rules"), getLocale(), caller.rule.adopted()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="rules-back">
        ‹ {t("villager.back")}
      </Link>
      <PageTitle>{t("villagerTitle")}</PageTitle>
      {!data.book ? (
        <Card>
          <p className="text-lg" data-testid="rules-empty">
            {t("villager.empty")}
          </p>
        </Card>
      ) : (
        <>
          <Card>
            <h2 className="text-xl font-bold leading-snug" data-testid="rules-title">
              {data.book.title}
            </h2>
            <p className="mt-1 text-lg text-stone-800">
              {t("version", { version: data.book.version })}
              {data.book.adoptedAt ? ` · ${t("adoptedOn", { date: formatDay(data.book.adoptedAt, locale) })}` : ""}
            </p>
            {data.book.vote ? (
              <p className="mt-1 text-base text-stone-800" data-testid="rules-vote">
                {t("adoptedByVote", { date: formatDay(data.book.vote.closedAt, locale), yes: data.book.vote.yes, voted: data.book.vote.voted })}
              </p>
            ) : null}
            {data.book.adoptedBy ? <p className="mt-1 text-base text-stone-600">{data.book.adoptedBy}</p> : null}
            <p className="mt-3 text-lg text-stone-800">{t("villager.howTo")}</p>
          </Card>
          <nav aria-label={t("villager.jump")}>
            <ul className="flex flex-wrap gap-2">
              {data.groups.map((g) => (
                <li key={g.category}>
                  <a
                    href={`#cat-${g.category}`}
                    className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-lg text-stone-800 ring-1 ring-stone-300 active:bg-stone-100"
                  >
                    {t(`category.${g.category}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <RuleGroups groups={data.groups} large />
        </>
      )}
    </div>
  );
}
