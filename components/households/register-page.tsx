import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";
import { HouseholdList } from "./household-list";
import type { RegisterBase } from "./types";

const LINK = "flex min-h-12 items-center justify-center gap-1 rounded-xl px-4 text-lg font-medium";

/**
 * 农户 tab of the committee (with 新增农户 and 导入), the supervisor and the grid worker (read-only;
 * the server limits a grid worker to their own grid).
 */
export async function RegisterPage({ base }: { base: RegisterBase }) {
  const caller = await serverCaller();
  const [t, tCards, initial, grids] = await Promise.all([
    getTranslations("household"),
    getTranslations("cards"),
    caller.household.list({ take: 30 }),
    base === "/g" ? Promise.resolve(null) : caller.grid.list(),
  ]);
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      {base === "/c" ? (
        <div className="mb-4 grid grid-cols-2 gap-2">
          <Link href="/c/households/new" className={`${LINK} bg-brand text-white active:bg-brand-dark`} data-testid="household-add">
            <Icon name="plus" className="h-5 w-5" />
            {t("add")}
          </Link>
          <Link href="/c/households/import" className={`${LINK} border border-stone-300 bg-white text-stone-800 active:bg-stone-100`} data-testid="household-import">
            <Icon name="upload" className="h-5 w-5" />
            {t("import")}
          </Link>
          <Link
            href="/c/households/cards"
            className={`${LINK} col-span-2 border border-stone-300 bg-white text-stone-800 active:bg-stone-100`}
            data-testid="household-cards"
          >
            <Icon name="scan" className="h-5 w-5" />
            {tCards("registerLink")}
          </Link>
        </div>
      ) : null}
      <HouseholdList
        base={base}
        grids={grids ? grids.map((g) => ({ id: g.id, name: g.name })) : null}
        initial={initial}
        empty={base === "/c" ? "committee" : base === "/g" ? "grid" : "readOnly"}
      />
    </div>
  );
}
