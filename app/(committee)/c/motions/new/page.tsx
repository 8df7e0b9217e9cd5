import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MotionForm } from "@/components/council/motion-form";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 新建表决: saved as a draft; it is opened (freezing the list of voters) from the list. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, awaiting, bodyList] = await Promise.all([getTranslations("votes"), caller.rule.awaiting(), caller.body.list()]);
  // a body's current members may vote instead of the village's households (one vote per person)
  const bodies = bodyList.bodies.filter((b) => b.current.length > 0).map((b) => ({ id: b.id, kind: b.kind, name: b.name }));
  // the drafts put forward for adoption, which a village-wide vote may adopt
  const books = awaiting.map((b) => ({ id: b.id, version: b.version, title: b.title }));
  return (
    <div className="space-y-4">
      <Link href="/c/motions" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("staff.backList")}
      </Link>
      <PageTitle>{t("staff.new")}</PageTitle>
      <Card>
        <MotionForm books={books} bodies={bodies} />
      </Card>
    </div>
  );
}
