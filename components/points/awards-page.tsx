import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/card";
import { AWARD_STATUSES, type AwardStatus } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";
import { AwardList } from "./award-list";
import type { StaffBase } from "./types";

/** 积分记录 for staff: entries by state (?status=…, default 待审核), each opening its trail. */
export async function AwardsPage({ base, status }: { base: StaffBase; status: string | undefined }) {
  const current: AwardStatus = (AWARD_STATUSES as readonly string[]).includes(status ?? "") ? (status as AwardStatus) : "PROPOSED";
  const caller = await serverCaller();
  const [t, initial] = await Promise.all([getTranslations("points"), caller.award.list({ status: current, take: 20 })]);
  return (
    <div>
      <Link href={base} className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("awards.backHome")}
      </Link>
      <PageTitle
        action={
          base === "/c" ? (
            <Link
              href="/c/awards/new"
              className="inline-flex min-h-11 items-center rounded-xl bg-brand px-4 text-lg font-medium text-white active:bg-brand-dark"
              data-testid="awards-new"
            >
              {t("awards.new")}
            </Link>
          ) : undefined
        }
      >
        {t("awards.title")}
      </PageTitle>
      <AwardList key={current} base={base} status={current} initial={initial} />
    </div>
  );
}
