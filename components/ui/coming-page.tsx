import { getTranslations } from "next-intl/server";
import { ComingSoon, PageTitle } from "./card";

/** A tab whose feature arrives with a later release: says so plainly and pretends nothing. */
export async function ComingPage({ feature, title }: { feature: string; title: string }) {
  const t = await getTranslations();
  const name = t(`coming.${feature}` as "coming.events");
  return (
    <div>
      <PageTitle>{t(`nav.${title}` as "nav.home")}</PageTitle>
      <ComingSoon feature={t("app.comingSoon")} body={t("app.comingSoonBody", { feature: name })} />
    </div>
  );
}
