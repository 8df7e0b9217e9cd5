import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村级组织 for villagers: each body's current members, names and roles only. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, tr, board] = await Promise.all([getTranslations("bodies"), getTranslations("rules.affairs"), caller.body.board()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {tr("title")}
      </Link>
      <PageTitle>{t("villager.title")}</PageTitle>
      {board.bodies.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700" data-testid="bodies-empty">
            {t("villager.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-4" data-testid="bodies">
          {board.bodies.map((b) => (
            <li key={b.id}>
              <Card data-testid="body">
                <h2 className="text-xl font-bold text-stone-900">{b.name}</h2>
                <p className="text-base text-stone-600">{t(`kind.${b.kind}`)}</p>
                {b.members.length === 0 ? (
                  <p className="mt-2 text-lg text-stone-700">{t("noMembers")}</p>
                ) : (
                  <ul className="mt-2 divide-y divide-stone-200">
                    {b.members.map((m) => (
                      <li key={m.id} className="flex min-h-12 items-center justify-between gap-2 py-2 text-lg" data-testid="body-member">
                        <span className="font-bold text-stone-900">{m.name}</span>
                        <span className="text-stone-700">{t(`role.${m.role}`)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
