import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { REASON_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";
import { AwardTrail } from "./award-trail";
import { SupervisorActions } from "./supervisor-actions";
import type { StaffBase } from "./types";

/**
 * One entry for staff: the full trail (award.get). A supervisor also gets what they may do with it
 * here: approve or reject a proposal, reverse a final entry (unless they must step aside).
 */
export async function AwardPage({ base, id }: { base: StaffBase; id: string }) {
  const caller = await serverCaller();
  const [t, trail] = await Promise.all([
    getTranslations("points"),
    caller.award.get({ id }).catch((e: unknown) => {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }),
  ]);
  const back = base === "/s" && trail?.award.status === "PROPOSED" ? "/s" : `${base}/awards${trail ? `?status=${trail.award.status}` : ""}`;
  return (
    <div className="space-y-3">
      <Link href={back} className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="award-back">
        ‹ {t("awards.back")}
      </Link>
      {trail ? (
        <AwardTrail trail={trail} staff>
          {base === "/s" ? (
            <SupervisorActions
              id={trail.award.id}
              status={trail.award.status}
              reviewBlock={trail.reviewBlock}
              blockReason={trail.blockReason}
              openObjections={trail.award.openObjections}
              max={REASON_MAX}
            />
          ) : null}
        </AwardTrail>
      ) : (
        <Card>
          <p className="text-lg" data-testid="award-not-found">
            {t("trail.notFound")}
          </p>
        </Card>
      )}
    </div>
  );
}
