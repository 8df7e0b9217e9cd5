import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AwardTrail } from "@/components/points/award-trail";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 积分来历: the full trail behind one entry of the household (its own entries only). */
export default async function Page({ params }: { params: Promise<{ awardId: string }> }) {
  const { awardId } = await params;
  const [t, caller] = await Promise.all([getTranslations("points"), serverCaller()]);
  const trail = await caller.points.trail({ awardId }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  });
  // an award from a 随手拍 report shows the report's photos in its trail
  const report = trail?.award.source === "REPORT" ? await caller.report.ofAward({ awardId }) : null;
  return (
    <div className="space-y-3">
      <Link href="/v" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="trail-back">
        ‹ {t("trail.back")}
      </Link>
      {trail ? (
        <>
          <AwardTrail trail={trail} />
          {report ? (
            <Card data-testid="trail-report">
              <h2 className="text-lg font-bold">{t("trail.reportPhotos")}</h2>
              <p className="mt-1 text-lg text-stone-900">{report.text}</p>
              <ul className="mt-2 flex flex-wrap gap-2">
                {report.photos.map((p) => (
                  <li key={p.id}>
                    <img src={p.url} alt={report.text} className="h-32 w-32 rounded-xl object-cover ring-1 ring-stone-200" data-testid="trail-report-photo" />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : (
        <Card>
          <p className="text-lg" data-testid="trail-not-found">
            {t("trail.notFound")}
          </p>
        </Card>
      )}
    </div>
  );
}
