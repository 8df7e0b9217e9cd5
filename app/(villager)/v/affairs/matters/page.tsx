import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MatterItem } from "@/components/matters/matter-view";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村民说事 for villagers: the village's matters with support counts and what the household did. Server-rendered. */
export default async function MattersPage() {
  const [t, board] = await Promise.all([getTranslations("matters"), (await serverCaller()).matter.board()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("intro", { threshold: board.threshold, days: board.days })}</p>
      <Link href="/v/affairs/matters/new" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-5 text-lg font-medium text-white" data-testid="go-raise">
        {t("raise")}
      </Link>
      {board.items.length === 0 ? (
        <Card>
          <p className="py-2 text-lg text-stone-700" data-testid="matters-empty">
            {t("empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="matter-list">
          {board.items.map((m) => (
            <MatterItem key={m.id} m={m} href={`/v/affairs/matters/${m.id}`} />
          ))}
        </ul>
      )}
    </div>
  );
}
