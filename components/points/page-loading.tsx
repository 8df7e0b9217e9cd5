import { getTranslations } from "next-intl/server";

/**
 * What a page shows while the server reads its data over a weak network: a few grey blocks the
 * size of the cards to come and the word "加载中…", so a tap is never met by a frozen screen.
 */
export async function PageLoading() {
  const t = await getTranslations("app");
  return (
    <div className="space-y-4" aria-busy="true" data-testid="page-loading">
      <p className="text-lg text-stone-600" role="status">
        {t("loading")}
      </p>
      <div className="h-32 animate-pulse rounded-2xl bg-stone-200" />
      <div className="h-20 animate-pulse rounded-2xl bg-stone-200" />
      <div className="h-48 animate-pulse rounded-2xl bg-stone-200" />
    </div>
  );
}
