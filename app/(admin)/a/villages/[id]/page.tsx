import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VillageSupervisors } from "@/components/admin/village-supervisors";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** The town appoints and removes a village's supervisors (监督委员会); the server checks the village is the town's. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, tb, tm, tmat, tv] = await Promise.all([
    params,
    getTranslations("supervisors"),
    getTranslations("bodies"),
    getTranslations("meetings.admin"),
    getTranslations("matters"),
    getTranslations("votes.admin"),
  ]);
  const matters = await (await serverCaller()).matter.village({ villageId: id }).catch(() => null);
  return (
    <div className="space-y-4">
      <Link href="/a" className="inline-flex min-h-12 items-center text-lg text-brand underline">
        {t("back")}
      </Link>
      <Link href={`/a/villages/${id}/bodies`} className="inline-flex min-h-12 items-center text-lg text-brand underline" data-testid="go-bodies">
        {tb("admin.link")} ›
      </Link>
      <Link href={`/a/villages/${id}/motions`} className="inline-flex min-h-12 items-center text-lg text-brand underline" data-testid="go-motions">
        {tv("link")} ›
      </Link>
      <Link href={`/a/villages/${id}/meetings`} className="inline-flex min-h-12 items-center text-lg text-brand underline" data-testid="go-meetings">
        {tm("link")} ›
      </Link>
      {matters ? (
        <Card className={matters.overdue ? "bg-red-50 ring-red-300" : ""} data-testid="village-matters">
          <h2 className="text-xl font-bold">{tmat("town.title")}</h2>
          <p className={`text-lg ${matters.overdue ? "font-bold text-red-700" : ""}`}>{tmat("town.counts", { open: matters.open, overdue: matters.overdue })}</p>
        </Card>
      ) : null}
      <VillageSupervisors villageId={id} />
    </div>
  );
}
