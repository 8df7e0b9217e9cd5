import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MatterItem } from "@/components/matters/matter-view";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** The committee's 村民说事 queue: overdue first (in red), then open, then the rest. */
export default async function CommitteeMattersPage() {
  const [t, q] = await Promise.all([getTranslations("matters"), (await serverCaller()).matter.queue()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("staff.title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("staff.intro", { threshold: q.threshold, days: q.days })}</p>
      <div className="grid grid-cols-2 gap-3">
        <Card>
          <p className="text-lg font-bold" data-testid="queue-open">
            {t("staff.openCount", { count: q.open })}
          </p>
        </Card>
        <Card className={q.overdue ? "bg-red-50 ring-red-300" : ""}>
          <p className={`text-lg font-bold ${q.overdue ? "text-red-700" : ""}`} data-testid="queue-overdue">
            {t("staff.overdueCount", { count: q.overdue })}
          </p>
        </Card>
      </div>
      {q.items.length === 0 ? (
        <Card>
          <p className="py-2 text-lg text-stone-700">{t("staff.empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="matter-queue">
          {q.items.map((m) => (
            <MatterItem key={m.id} m={m} href={`/c/matters/${m.id}`} />
          ))}
        </ul>
      )}
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
    </div>
  );
}
