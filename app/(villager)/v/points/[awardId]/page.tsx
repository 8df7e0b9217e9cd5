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
  return (
    <div className="space-y-3">
      <Link href="/v" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="trail-back">
        ‹ {t("trail.back")}
      </Link>
      {trail ? (
        <AwardTrail trail={trail} />
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
