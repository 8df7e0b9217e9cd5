import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitteeActions } from "@/components/matters/committee-actions";
import { MatterDetail } from "@/components/matters/matter-view";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** One matter for the committee: the raiser's name even when anonymous, and the next step. */
export default async function CommitteeMatterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const notFound = (e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  };
  const [t, locale, m, q] = await Promise.all([getTranslations("matters"), getLocale(), caller.matter.get({ id }).catch(notFound), caller.matter.queue()]);
  const back = (
    <Link href="/c/matters" className="inline-flex min-h-11 items-center text-lg text-brand">
      ‹ {t("backList")}
    </Link>
  );
  if (!m)
    return (
      <div className="space-y-4">
        {back}
        <Card>
          <p className="text-lg">{t("notFound")}</p>
        </Card>
      </div>
    );
  const meetings = q.meetings.map((mt) => ({ id: mt.id, label: `${mt.title} · ${formatDateTime(mt.startsAt, locale)} · ${mt.place}` }));
  return (
    <div className="space-y-4">
      {back}
      <MatterDetail m={m} actions={m.status === "OPEN" || m.status === "ANSWERED" || m.status === "ON_AGENDA" ? <CommitteeActions id={m.id} status={m.status} meetings={meetings} /> : undefined} />
    </div>
  );
}
