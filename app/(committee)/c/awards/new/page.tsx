import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProposeForm } from "@/components/points/propose-form";
import { PageTitle } from "@/components/ui/card";
import { REASON_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 积分申报: one household, one rule of the book in force. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, rules] = await Promise.all([getTranslations("points"), caller.rule.adopted()]);
  return (
    <div>
      <Link href="/c" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("awards.backHome")}
      </Link>
      <PageTitle
        action={
          <Link href="/c/awards/batch" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="go-batch">
            {t("propose.toBatch")}
          </Link>
        }
      >
        {t("propose.title")}
      </PageTitle>
      {rules.book ? (
        <p className="-mt-2 mb-3 text-base text-stone-600">{t("propose.book", { title: rules.book.title, version: rules.book.version })}</p>
      ) : null}
      <ProposeForm groups={rules.groups} reasonMax={REASON_MAX} />
    </div>
  );
}
