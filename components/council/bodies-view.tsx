import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { AddBodyMember, EndTerm } from "./body-actions";
import type { BodiesList, BodyTerm, BodyView } from "./body-types";

/**
 * A village's bodies for the committee (with the levers when `manage`), the supervisors and the town
 * (read-only): current members with role and term, past terms folded away, and for the supervisory
 * committee the town's appointed supervisors beside its members with any mismatch spelled out.
 */
export async function BodiesView({ view, manage }: { view: BodiesList; manage: boolean }) {
  const t = await getTranslations("bodies");
  if (view.bodies.length === 0) {
    return (
      <Card>
        <p className="text-lg text-stone-700" data-testid="bodies-empty">
          {t("empty")}
        </p>
      </Card>
    );
  }
  return (
    <ul className="space-y-4" data-testid="bodies">
      {view.bodies.map((b) => (
        <li key={b.id}>
          <BodyCard b={b} manage={manage} />
        </li>
      ))}
    </ul>
  );
}

async function BodyCard({ b, manage }: { b: BodyView; manage: boolean }) {
  const t = await getTranslations("bodies");
  return (
    <Card className="space-y-3" data-testid="body">
      <div>
        <Badge tone="brand">{t(`kind.${b.kind}`)}</Badge>
        <h2 className="mt-1 text-xl font-bold text-stone-900">{b.name}</h2>
      </div>
      <section>
        <h3 className="text-base font-bold text-stone-700">{t("current")}</h3>
        {b.current.length === 0 && b.upcoming.length === 0 ? (
          <p className="text-base text-stone-600">{t("noMembers")}</p>
        ) : (
          <ul className="divide-y divide-stone-200" data-testid="body-current">
            {[...b.current, ...b.upcoming].map((m) => (
              <TermRow key={m.id} m={m} manage={manage} />
            ))}
          </ul>
        )}
      </section>
      {b.supervisory ? <SupervisoryCompare s={b.supervisory} /> : null}
      {b.past.length > 0 ? (
        <details className="rounded-xl bg-stone-50 p-3" data-testid="body-past">
          <summary className="min-h-11 cursor-pointer text-base font-medium text-stone-700">{t("past", { count: b.past.length })}</summary>
          <ul className="divide-y divide-stone-200">
            {b.past.map((m) => (
              <TermRow key={m.id} m={m} manage={false} />
            ))}
          </ul>
        </details>
      ) : null}
      {manage ? <AddBodyMember bodyId={b.id} /> : null}
    </Card>
  );
}

async function TermRow({ m, manage }: { m: BodyTerm; manage: boolean }) {
  const t = await getTranslations("bodies");
  return (
    <li className="flex flex-wrap items-center gap-2 py-2" data-testid="body-term">
      <span className="min-w-0 flex-1">
        <span className="block text-lg font-bold text-stone-900">
          {m.name} <span className="text-base font-normal text-stone-600">· {t(`role.${m.role}`)}</span>
        </span>
        <span className="block text-base text-stone-600">
          {t("add.household", { number: m.householdNumber })} ·{" "}
          <span className="whitespace-nowrap">{m.termEnd ? t("term.range", { start: m.termStart, end: m.termEnd }) : t("term.since", { start: m.termStart })}</span>
          {m.ended ? ` · ${t("term.ended")}` : m.upcoming ? ` · ${t("term.upcoming")}` : ""}
        </span>
      </span>
      {manage && !m.ended ? <EndTerm id={m.id} /> : null}
    </li>
  );
}

async function SupervisoryCompare({ s }: { s: NonNullable<BodyView["supervisory"]> }) {
  const t = await getTranslations("bodies.supervisory");
  const ok = s.notAppointed.length === 0 && s.notInBody.length === 0;
  return (
    <section className="space-y-2 rounded-xl bg-stone-50 p-3" data-testid="body-supervisors">
      <h3 className="text-base font-bold text-stone-700">{t("title")}</h3>
      <p className="text-base text-stone-600">{t("note")}</p>
      <p className="text-base text-stone-800">
        {t("appointed")}：{s.supervisors.length > 0 ? s.supervisors.map((x) => x.name).join("、") : t("none")}
      </p>
      {ok ? (
        <p className="text-base text-green-800" data-testid="body-supervisors-match">
          {t("match")}
        </p>
      ) : (
        <div role="status" className="space-y-1 rounded-lg bg-amber-50 p-2 text-base text-amber-900" data-testid="body-supervisors-mismatch">
          {s.notAppointed.length > 0 ? <p>{t("notAppointed", { names: s.notAppointed.map((x) => x.name).join("、") })}</p> : null}
          {s.notInBody.length > 0 ? <p>{t("notInBody", { names: s.notInBody.map((x) => x.name).join("、") })}</p> : null}
        </div>
      )}
    </section>
  );
}
