import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BatchList } from "@/components/points/batch-list";
import { PublishCard } from "@/components/points/publish-card";
import { Card, PageTitle } from "@/components/ui/card";
import { now } from "@/server/lib/clock";
import { DAY_MS } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 积分公示 for the committee: publish the approved entries, and the batches published so far. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, approved, batches, board] = await Promise.all([
    getTranslations("points"),
    caller.award.list({ status: "APPROVED", take: 1 }),
    caller.publicity.batches({ take: 20 }),
    caller.publicity.board(),
  ]);
  const count = approved.counts.APPROVED ?? 0;
  // What the notice would close at if published now (the server sets the real one on publishing).
  const closesAt = new Date(now().getTime() + board.noticeDays * DAY_MS);
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("awards.backHome")}
      </Link>
      <PageTitle>{t("publish.pageTitle")}</PageTitle>
      <PublishCard count={count} noticeDays={board.noticeDays} closesAt={closesAt} />
      {count > 0 ? (
        <Link href="/c/awards?status=APPROVED" className="-mt-2 inline-flex min-h-11 items-center text-lg text-brand">
          {t("publish.seeApproved", { count })} ›
        </Link>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-xl font-bold">{t("batches.title")}</h2>
        {batches.items.length === 0 ? (
          <Card>
            <p className="text-lg text-stone-700">{t("batches.empty")}</p>
          </Card>
        ) : (
          <BatchList items={batches.items} />
        )}
      </section>
    </div>
  );
}
