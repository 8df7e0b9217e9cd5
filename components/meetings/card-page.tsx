import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingCardMark } from "@/components/meetings/meeting-card-mark";
import { PageTitle } from "@/components/ui/card";

/** 凭户卡登记到会 for the secretary (/c) and grid workers (/g): back link, title, the scanner. */
export async function MeetingCardPage({ meetingId, back }: { meetingId: string; back: string }) {
  const t = await getTranslations("meetings.card");
  return (
    <div className="space-y-4">
      <Link href={back} className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>
      <MeetingCardMark meetingId={meetingId} />
    </div>
  );
}
