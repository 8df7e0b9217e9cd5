import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

export function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <label className="block">
      <span className="mb-1 block text-base font-medium text-stone-700">{label}</span>
      {children}
      {hint ? <span className="mt-1 block text-sm text-stone-500">{hint}</span> : null}
    </label>
  );
}

const INPUT = "min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-lg outline-none focus:border-brand";

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${INPUT} ${props.className ?? ""}`} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${INPUT} ${props.className ?? ""}`} />;
}
