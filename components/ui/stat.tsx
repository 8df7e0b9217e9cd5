/** A big number with its label, for dashboards (the number stays readable on a 360 px phone). */
export function Stat({ label, value, note, testId }: { label: string; value: number | string; note?: string; testId?: string }) {
  return (
    <div className="rounded-2xl bg-paper p-3 shadow-sm ring-1 ring-stone-200">
      <p className="text-base text-stone-600">{label}</p>
      <p className="text-3xl font-bold text-stone-900" data-testid={testId}>
        {value}
      </p>
      {note ? <p className="text-sm text-stone-500">{note}</p> : null}
    </div>
  );
}

/** A role or state as a small pill. */
export function Badge({ children, tone = "stone" }: { children: React.ReactNode; tone?: "stone" | "brand" | "green" | "amber" }) {
  const tones = {
    stone: "bg-stone-100 text-stone-700 ring-stone-300",
    brand: "bg-red-50 text-brand ring-red-200",
    green: "bg-green-50 text-green-800 ring-green-200",
    amber: "bg-amber-50 text-amber-800 ring-amber-200",
  } as const;
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm ring-1 ${tones[tone]}`}>{children}</span>;
}
