import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Roster } from "@/components/events/roster";
import { PageTitle } from "@/components/ui/card";

/** 扫户卡 / 点名签到 for one event, as the grid worker does it at the desk. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("events");
  return (
    <div>
      <Link href="/g/events" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("g.title")}
      </Link>
      <PageTitle>{t("roster.title")}</PageTitle>
      <Roster eventId={id} />
    </div>
  );
}
