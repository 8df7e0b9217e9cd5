import { getTranslations } from "next-intl/server";
import { AuditList } from "@/components/audit/audit-list";
import { PageTitle } from "@/components/ui/card";

/** 审计记录: every change in this village, newest first. */
export default async function AuditPage() {
  const t = await getTranslations("audit");
  return (
    <div className="space-y-3">
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("hint")}</p>
      <AuditList />
    </div>
  );
}
