import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingCard } from "@/components/meetings/meetings-table";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** A village's meetings for the town or county above it: held ones with 应到/实到 and valid, read-only. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, caller] = await Promise.all([params, getTranslations("meetings.admin"), serverCaller()]);
  const view = await caller.meeting.village({ villageId: id });
  const held = view.items.filter((m) => m.status === "HELD");
  const scheduled = view.items.filter((m) => m.status === "SCHEDULED");
  return (
    <div className="space-y-4">
      <Link href={`/a/villages/${id}`} className="inline-flex min-h-12 items-center text-lg text-brand underline">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title", { village: view.village.name })}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("readOnly", { held: held.length, valid: held.filter((m) => m.valid).length })}</p>
      {view.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600">{t("empty")}</p>
        </Card>
      ) : null}
      <div className="space-y-3" data-testid="admin-meetings-held">
        {held.map((m) => (
          <MeetingCard key={m.id} m={m} minutesHref={null} showAgenda={false} />
        ))}
      </div>
      {scheduled.length ? <h2 className="text-xl font-bold">{t("scheduled")}</h2> : null}
      {scheduled.map((m) => (
        <MeetingCard key={m.id} m={m} minutesHref={null} showAgenda={false} />
      ))}
    </div>
  );
}
