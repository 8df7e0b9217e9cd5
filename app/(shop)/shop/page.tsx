import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";

export default async function ShopHome() {
  const t = await getTranslations("home.shop");
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        <p className="text-lg">{t("body")}</p>
      </Card>
    </div>
  );
}
