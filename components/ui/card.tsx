
export function Card({ children, className = "", ...rest }: React.HTMLAttributes<HTMLElement> & { "data-testid"?: string }) {
  return (
    <section {...rest} className={`rounded-2xl bg-paper p-4 shadow-sm ring-1 ring-stone-200 ${className}`}>
      {children}
    </section>
  );
}

export function PageTitle({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mb-4 flex items-center justify-between gap-2">
      <h1 className="text-2xl font-bold text-stone-900">{children}</h1>
      {action}
    </div>
  );
}

export function ErrorBox({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-base text-red-800">
      {message}
    </p>
  );
}
