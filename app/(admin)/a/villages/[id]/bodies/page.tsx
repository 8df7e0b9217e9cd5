import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BodiesView } from "@/components/council/bodies-view";
import { PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** A village's bodies for the town or county above it: read-only; the server checks the village is theirs. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, caller] = await Promise.all([params, getTranslations("bodies"), serverCaller()]);
  const view = await caller.body.village({ villageId: id });
  return (
    <div className="space-y-4">
      <Link href={`/a/villages/${id}`} className="inline-flex min-h-12 items-center text-lg text-brand underline">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("admin.title", { village: view.village.name })}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("admin.readOnly")}</p>
      <BodiesView view={view} manage={false} />
    </div>
  );
}
