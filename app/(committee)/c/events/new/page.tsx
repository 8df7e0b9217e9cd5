import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 新建活动 */
export default async function Page() {
  const caller = await serverCaller();
  const [t, rules] = await Promise.all([getTranslations("events"), caller.rule.adopted()]);
  return (
    <div>
      <Link href="/c/events" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("c.title")}
      </Link>
      <PageTitle>{t("form.title")}</PageTitle>
      <EventForm groups={rules.groups} />
    </div>
  );
}
