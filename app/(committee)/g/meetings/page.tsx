import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 会议登记 for the grid worker: the village's scheduled meetings, each leading to the card scanner. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, list] = await Promise.all([getTranslations("meetings"), getLocale(), caller.meeting.upcoming()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("g.title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-700">{t("g.hint")}</p>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600">{t("g.empty")}</p>
        </Card>
      ) : null}
      {list.items.map((m) => (
        <Card key={m.id} className="space-y-2">
          <p className="text-base text-stone-600">{m.body.name}</p>
          <h2 className="text-xl font-bold break-words">{m.title}</h2>
          <p className="text-base text-stone-700">
            {formatDateTime(m.startsAt, locale)} · {m.place}
          </p>
          <p className="text-lg">{t("figures", { expected: m.expected, present: m.present })}</p>
          <Link href={`/g/meetings/${m.id}/card`} className="flex min-h-12 items-center justify-center rounded-xl bg-brand text-lg font-medium text-white">
            {t("card.open")}
          </Link>
        </Card>
      ))}
    </div>
  );
}
