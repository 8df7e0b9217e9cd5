import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VillageSupervisors } from "@/components/admin/village-supervisors";

/** The town appoints and removes a village's supervisors (监督委员会); the server checks the village is the town's. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, tb, tv] = await Promise.all([params, getTranslations("supervisors"), getTranslations("bodies"), getTranslations("votes.admin")]);
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
      <VillageSupervisors villageId={id} />
    </div>
  );
}
