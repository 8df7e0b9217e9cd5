import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";
import { HouseholdDetail } from "./household-detail";
import type { RegisterBase } from "./types";

/** One household of the register; editable for the committee (/c), read-only for /s and /g. */
export async function HouseholdPage({ base, id }: { base: RegisterBase; id: string }) {
  const caller = await serverCaller();
  const t = await getTranslations("household");
  const canEdit = base === "/c";
  const [household, grids] = await Promise.all([
    caller.household.get({ id }).catch((e: unknown) => {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }),
    canEdit ? caller.grid.list() : Promise.resolve([]),
  ]);
  return (
    <div>
      <Link href={`${base}/households`} className="mb-2 inline-flex min-h-11 items-center text-lg text-brand" data-testid="household-back">
        ‹ {t("detail.back")}
      </Link>
      {household ? (
        <HouseholdDetail initial={household} grids={grids.map((g) => ({ id: g.id, name: g.name }))} canEdit={canEdit} />
      ) : (
        <Card>
          <p className="text-lg" data-testid="household-not-found">
            {t("detail.notFound")}
          </p>
        </Card>
      )}
    </div>
  );
}
