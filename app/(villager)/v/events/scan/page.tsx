import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScanForm } from "@/components/events/scan-form";
import { PageTitle } from "@/components/ui/card";

/** 签到: check the household in to an event that is on now. */
export default async function Page() {
  const t = await getTranslations("events.scanPage");
  return (
    <div>
      <Link href="/v/events" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <ScanForm />
    </div>
  );
}
