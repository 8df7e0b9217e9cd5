import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RateButtons, SupportButton } from "@/components/matters/household-actions";
import { MatterDetail } from "@/components/matters/matter-view";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** One matter for a villager: what was raised and answered, with 我也支持 and 评事 where the household may. */
export default async function MatterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const [t, m] = await Promise.all([
    getTranslations("matters"),
    caller.matter.get({ id }).catch((e: unknown) => {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }),
  ]);
  const back = (
    <Link href="/v/affairs/matters" className="inline-flex min-h-11 items-center text-lg text-brand">
      ‹ {t("backList")}
    </Link>
  );
  if (!m)
    return (
      <div className="space-y-4">
        {back}
        <Card>
          <p className="text-lg" data-testid="matter-not-found">
            {t("notFound")}
          </p>
        </Card>
      </div>
    );
  const actions = m.canSupport ? (
    <>
      <p className="mb-2 text-base text-stone-700">{t("detail.supportHint")}</p>
      <SupportButton matterId={m.id} />
    </>
  ) : m.canRate ? (
    <RateButtons matterId={m.id} />
  ) : undefined;
  return (
    <div className="space-y-4">
      {back}
      <MatterDetail m={m} actions={actions} />
    </div>
  );
}
