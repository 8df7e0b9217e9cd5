import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardsPicker } from "@/components/households/cards-picker";
import { PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

export default async function Page() {
  const caller = await serverCaller();
  const [t, th, active, grids] = await Promise.all([
    getTranslations("cards"),
    getTranslations("household"),
    caller.household.list({ status: "ACTIVE", take: 1 }),
    caller.grid.list(),
  ]);
  return (
    <div>
      <Link href="/c/households" className="mb-2 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {th("title")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-base text-stone-700">{t("intro")}</p>
      <CardsPicker grids={grids.map((g) => ({ id: g.id, name: g.name }))} activeTotal={active.total} />
    </div>
  );
}
