import { getTranslations } from "next-intl/server";
import { CommitteeStore } from "@/components/store/committee-store";
import { PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 积分超市 (committee): shops, what the village owes each, payments to them and their keepers. */
export default async function Page() {
  const [t, owed] = await Promise.all([getTranslations("store.committee"), (await serverCaller()).settlement.owed({})]);
  return (
    <div>
      <PageTitle>{t("title")}</PageTitle>
      <CommitteeStore fenPerPoint={owed.fenPerPoint} />
    </div>
  );
}
