import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";
import { OpenCaseForm } from "./case-actions";
import { CaseCard } from "./case-card";

/** 人民调解 for the committee (/c) and grid workers (/g): the cases they may read, and opening one. */
export async function StaffMediationList({ base }: { base: "/c" | "/g" }) {
  const caller = await serverCaller();
  const [t, list, pick] = await Promise.all([getTranslations("mediation"), caller.mediation.list(), caller.mediation.candidates({ householdIds: [] })]);
  return (
    <div className="space-y-4">
      <Link href={base} className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600" data-testid="mediation-empty">
            {t("empty")}
          </p>
        </Card>
      ) : null}
      {list.items.map((c) => (
        <CaseCard key={c.id} c={c} full={false} href={`${base}/mediation/${c.id}`} />
      ))}
      <Card>
        <OpenCaseForm households={pick.households} />
      </Card>
    </div>
  );
}

/** One case with its sessions, agreement and outcome, and the mediator's forms. */
export async function StaffMediationCase({ base, id }: { base: "/c" | "/g"; id: string }) {
  const caller = await serverCaller();
  const [t, c] = await Promise.all([getTranslations("mediation"), caller.mediation.get({ id })]);
  return (
    <div className="space-y-4">
      <Link href={`${base}/mediation`} className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <CaseCard c={c} full />
    </div>
  );
}
