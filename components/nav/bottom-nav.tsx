"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** `icon` is drawn by the server (RoleShell), so the icon set is not part of this client bundle. */
export type NavItem = { href: string; label: string; icon: ReactNode };

/** Fixed bottom navigation, thumb-reachable; each tab at least 56 px high. */
export function BottomNav({ items }: { items: NavItem[] }) {
  const path = usePathname();
  const active = items
    .filter((i) => path === i.href || path.startsWith(i.href + "/"))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  // five long English labels ("Households", "My points") do not fit 72 px cells at the normal size
  const crowded = items.length >= 5 && items.some((i) => i.label.length > 8);
  return (
    <nav className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] print:hidden">
      <ul className="mx-auto flex max-w-2xl">
        {items.map((i) => (
          <li key={i.href} className="flex-1">
            <Link
              href={i.href}
              aria-current={active === i.href ? "page" : undefined}
              className={`flex min-h-14 flex-col items-center justify-center px-0.5 ${crowded ? "text-xs" : "text-sm"} ${
                active === i.href ? "font-bold text-brand" : "text-stone-600"
              }`}
            >
              {i.icon}
              <span className="max-w-full truncate">{i.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
