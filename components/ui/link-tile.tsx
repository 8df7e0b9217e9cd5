import Link from "next/link";
import { Icon, type IconName } from "./icons";

/** A large tappable shortcut (icon above words), at least 80 px high. */
export function LinkTile({ href, icon, label, testId }: { href: string; icon: IconName; label: string; testId?: string }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="flex min-h-20 flex-col items-center justify-center gap-1 rounded-2xl bg-paper px-2 py-3 text-center text-lg font-medium text-stone-900 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
    >
      <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-red-50 text-brand">
        <Icon name={icon} className="h-6 w-6" />
      </span>
      <span className="leading-tight">{label}</span>
    </Link>
  );
}
