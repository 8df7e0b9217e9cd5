import { getLocale, getTranslations } from "next-intl/server";
import { setLanguage } from "@/server/auth/actions";

/** A one-tap language toggle (中文 ⇄ English); the choice is kept in a cookie. */
export async function LanguageSwitch({ className = "" }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("lang")]);
  return (
    <form action={setLanguage} className={className}>
      <input type="hidden" name="locale" value={locale === "zh" ? "en" : "zh"} />
      <button
        type="submit"
        className="min-h-11 rounded-full border border-stone-300 bg-white px-4 text-base text-stone-700"
        data-testid="lang-switch"
      >
        {t("switch")}
      </button>
    </form>
  );
}
