import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RaiseForm } from "@/components/matters/raise-form";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 代农户说事: the grid worker picks a household of the grid and raises the matter for it (recorded as proxy). */
export default async function GridRaisePage() {
  const [t, board] = await Promise.all([getTranslations("matters"), (await serverCaller()).matter.board()]);
  return (
    <div className="space-y-4">
      <Link href="/g/matters" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("grid.title")}
      </Link>
      <PageTitle>{t("raiseFor")}</PageTitle>
      <Card>
        <RaiseForm households={board.households} done="/g/matters" />
      </Card>
    </div>
  );
}
