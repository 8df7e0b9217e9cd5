import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoticeForm } from "@/components/council/notice-form";
import { Card, PageTitle } from "@/components/ui/card";

/** 新建公告: a draft first; it is previewed and published on its own page. */
export default async function Page() {
  const t = await getTranslations("notices");
  return (
    <div className="space-y-4">
      <Link href="/c/notices" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("detail.back")}
      </Link>
      <PageTitle>{t("staff.new")}</PageTitle>
      <Card>
        <NoticeForm />
      </Card>
    </div>
  );
}
