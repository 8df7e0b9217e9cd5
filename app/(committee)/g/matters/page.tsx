import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GridSupport } from "@/components/matters/household-actions";
import { MatterItem } from "@/components/matters/matter-view";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 网格说事: the grid's matters (open ones first); raise or support one for a household of the grid. */
export default async function GridMattersPage() {
  const [t, board] = await Promise.all([getTranslations("matters"), (await serverCaller()).matter.board()]);
  const items = [...board.items].sort((a, b) => Number(b.status === "OPEN") - Number(a.status === "OPEN"));
  return (
    <div className="space-y-4">
      <PageTitle>{t("grid.title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("grid.intro")}</p>
      <Link href="/g/matters/new" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-5 text-lg font-medium text-white" data-testid="go-raise">
        {t("raiseFor")}
      </Link>
      {items.length === 0 ? (
        <Card>
          <p className="py-2 text-lg text-stone-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="matter-list">
          {items.map((m) => (
            <MatterItem key={m.id} m={m} href={`/g/matters/${m.id}`}>
              {m.status === "OPEN" ? <GridSupport matterId={m.id} households={board.households} /> : null}
            </MatterItem>
          ))}
        </ul>
      )}
    </div>
  );
}
