import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatShortDay } from "@/server/lib/village-time.schema";
import type { MatterStatus } from "@/server/modules/matters/matter.schema";

type Row = {
  id: string;
  title: string;
  category: string;
  status: MatterStatus;
  supportCount: number;
  createdAt: Date;
  raiserName: string | null;
  householdNumber: string | null;
  overdue: boolean;
  dueAt: Date | null;
  mine?: boolean;
  supported?: boolean;
};

const STATUS_TONE: Record<MatterStatus, string> = {
  OPEN: "bg-amber-100 text-amber-900",
  ANSWERED: "bg-blue-100 text-blue-900",
  DECLINED: "bg-stone-200 text-stone-800",
  ON_AGENDA: "bg-purple-100 text-purple-900",
  DONE: "bg-green-100 text-green-900",
};

export async function StatusBadge({ status }: { status: MatterStatus }) {
  const t = await getTranslations("matters");
  return <span className={`rounded-full px-2 py-0.5 text-base font-medium ${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>;
}

/** One matter in a list: status, category, title, who and when, supports; overdue ones in red. */
export async function MatterItem({ m, href, children }: { m: Row; href: string; children?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("matters"), getLocale()]);
  return (
    <li className={`rounded-2xl p-4 shadow-sm ring-1 ${m.overdue ? "bg-red-50 ring-red-300" : "bg-paper ring-stone-200"}`} data-testid="matter-item" data-overdue={m.overdue ? "1" : "0"}>
      <Link href={href} className="block active:opacity-70">
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={m.status} />
          <span className="text-base font-medium text-brand">{t(`category.${m.category}`)}</span>
          {m.overdue ? (
            <span className="rounded-full bg-red-700 px-2 py-0.5 text-base font-bold text-white" data-testid="matter-overdue">
              {t("overdue")}
            </span>
          ) : null}
        </span>
        <span className="mt-1 block text-xl font-bold text-stone-900">{m.title}</span>
        <span className="mt-1 block text-base text-stone-600">
          {m.raiserName ? t("raisedBy", { name: m.householdNumber ? `${m.householdNumber} ${m.raiserName}` : m.raiserName }) : t("anonymousRaiser")} · {formatShortDay(m.createdAt, locale)}
        </span>
        <span className="mt-1 flex flex-wrap gap-2 text-base">
          <span className="font-medium text-stone-800" data-testid="matter-supports">
            {t("supports", { count: m.supportCount })}
          </span>
          {m.mine ? <span className="text-brand">· {t("mine")}</span> : null}
          {m.supported ? <span className="text-green-800">· {t("supported")}</span> : null}
          {m.dueAt && m.status === "OPEN" ? <span className={m.overdue ? "font-bold text-red-700" : "text-stone-600"}>· {t("dueBy", { date: formatDateTime(m.dueAt, locale) })}</span> : null}
        </span>
      </Link>
      {children}
    </li>
  );
}

type Detail = Row & {
  body: string;
  photoIds: string[];
  answer: string | null;
  declineReason: string | null;
  meeting: { title: string; startsAt: Date; place: string } | null;
  decision: string | null;
  outcome: string | null;
  ratings: { SATISFIED: number; BASIC: number; UNSATISFIED: number };
  proxyName: string | null;
  mySupport: { createdAt: Date; proxyName: string | null } | null;
  myRating: { rating: "SATISFIED" | "BASIC" | "UNSATISFIED"; proxyName: string | null } | null;
};

/** A matter's page: what was raised, the photos, the committee's answer/reason/meeting, decision, 办事 and ratings. */
export async function MatterDetail({ m, actions }: { m: Detail; actions?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("matters"), getLocale()]);
  return (
    <div className="space-y-4" data-testid="matter-detail">
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={m.status} />
        <span className="text-base font-medium text-brand">{t(`category.${m.category}`)}</span>
        {m.overdue ? <span className="rounded-full bg-red-700 px-2 py-0.5 text-base font-bold text-white">{t("overdue")}</span> : null}
      </p>
      <h1 className="text-2xl font-bold text-stone-900" data-testid="matter-title">
        {m.title}
      </h1>
      <p className="-mt-3 text-base text-stone-600" data-testid="matter-raiser">
        {m.raiserName ? t("raisedBy", { name: m.householdNumber ? `${m.householdNumber} ${m.raiserName}` : m.raiserName }) : t("anonymousRaiser")} · {t("raisedOn", { date: formatDateTime(m.createdAt, locale) })}
      </p>
      {m.proxyName ? (
        <p className="-mt-2 text-base font-medium text-stone-800" data-testid="matter-proxy">
          {t("detail.proxy", { name: m.proxyName })}
        </p>
      ) : null}
      <Card>
        <p className="whitespace-pre-wrap text-lg text-stone-900" data-testid="matter-body">
          {m.body}
        </p>
        {m.photoIds.length ? (
          <ul className="mt-3 grid grid-cols-3 gap-2" aria-label={t("detail.photos")}>
            {m.photoIds.map((p, i) => (
              <li key={p}>
                <a href={`/api/matters/photo/${p}`} target="_blank" rel="noreferrer">
                  <img src={`/api/matters/photo/${p}`} alt={`${t("detail.photos")} ${i + 1}`} className="aspect-square w-full rounded-xl object-cover" loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mt-3 text-lg font-medium" data-testid="matter-support-count">
          {t("supports", { count: m.supportCount })}
        </p>
        {m.dueAt && m.status === "OPEN" ? <p className={`text-base ${m.overdue ? "font-bold text-red-700" : "text-stone-600"}`}>{t("dueBy", { date: formatDateTime(m.dueAt, locale) })}</p> : null}
        {m.mySupport ? (
          <p className="mt-1 text-base text-green-800" data-testid="matter-my-support">
            {t("detail.youSupported", { date: formatDateTime(m.mySupport.createdAt, locale) })}
            {m.mySupport.proxyName ? ` · ${t("detail.proxy", { name: m.mySupport.proxyName })}` : null}
          </p>
        ) : null}
      </Card>
      {m.answer ? <Section title={t("detail.answer")} text={m.answer} testId="matter-answer" /> : null}
      {m.declineReason ? <Section title={t("detail.declined")} text={m.declineReason} testId="matter-declined" /> : null}
      {m.meeting ? (
        <Card data-testid="matter-meeting">
          <p className="text-lg">{t("detail.meeting", { title: m.meeting.title, date: formatDateTime(m.meeting.startsAt, locale), place: m.meeting.place })}</p>
        </Card>
      ) : null}
      {m.decision ? <Section title={t("detail.decision")} text={m.decision} testId="matter-decision" /> : null}
      {m.outcome ? <Section title={t("detail.outcome")} text={m.outcome} testId="matter-outcome" /> : null}
      {m.status === "DONE" ? (
        <Card data-testid="matter-ratings">
          <h2 className="text-xl font-bold">{t("detail.ratings")}</h2>
          <p className="text-lg">{t("detail.ratingCounts", { s: m.ratings.SATISFIED, b: m.ratings.BASIC, u: m.ratings.UNSATISFIED })}</p>
          {m.myRating ? (
            <p className="text-base text-green-800" data-testid="matter-my-rating">
              {t("detail.youRated", { rating: t(`rating.${m.myRating.rating}`) })}
            </p>
          ) : null}
        </Card>
      ) : null}
      {actions ? <Card>{actions}</Card> : null}
    </div>
  );
}

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <Card data-testid={testId}>
      <h2 className="text-xl font-bold">{title}</h2>
      <p className="mt-1 whitespace-pre-wrap text-lg text-stone-900">{text}</p>
    </Card>
  );
}
