import { getTranslations } from "next-intl/server";
import { ItemManager } from "@/components/store/item-manager";
import { PageTitle } from "@/components/ui/card";

/** 商品: the shop's catalogue and stock. */
export default async function Page() {
  const t = await getTranslations("store.items");
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <ItemManager />
    </div>
  );
}
