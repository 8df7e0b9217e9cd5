import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PayCode } from "@/components/store/pay-code";
import { PinForm } from "@/components/store/pin-form";
import { PageTitle } from "@/components/ui/card";

/** 付款码: the household's rotating payment code, and the card PIN for family members without a phone. */
export default async function Page() {
  const t = await getTranslations("store.pay");
  return (
    <div className="space-y-4">
      <PageTitle action={<Link href="/v/store" className="flex min-h-12 items-center text-base text-brand-dark underline">{t("back")}</Link>}>{t("title")}</PageTitle>
      <PayCode />
      <PinForm />
    </div>
  );
}
