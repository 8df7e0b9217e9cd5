import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HouseholdCreateForm } from "@/components/households/household-create-form";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

export default async function Page() {
  const [t, grids] = await Promise.all([getTranslations("household"), (await serverCaller()).grid.list()]);
  return (
    <div>
      <Link href="/c/households" className="mb-2 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("detail.back")}
      </Link>
      <PageTitle>{t("new.title")}</PageTitle>
      <Card>
        <HouseholdCreateForm grids={grids.map((g) => ({ id: g.id, name: g.name }))} />
      </Card>
    </div>
  );
}
