import { getTranslations } from "next-intl/server";
import { Pos } from "@/components/store/pos";
import { PageTitle } from "@/components/ui/card";

/** 收银: the shopkeeper redeems items against a household's points. */
export default async function Page() {
  const t = await getTranslations("store.pos");
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <Pos />
    </div>
  );
}
