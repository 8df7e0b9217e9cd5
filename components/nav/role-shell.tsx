import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { TrpcProvider } from "@/components/trpc/provider";
import type { IconName } from "@/components/ui/icons";
import { BottomNav, type NavItem } from "./bottom-nav";

type Tab = { href: string; key: string; icon: IconName };

/**
 * The frame of every signed-in page: who and where at the top, the role's tabs at the bottom.
 * `trpc: false` leaves out the tRPC + query client (~24 KB gzip): the villager's pages add it only
 * where they mutate or fetch from the browser (see the layouts under app/(villager)/v).
 */
export async function RoleShell({
  actor,
  tabs,
  trpc = true,
  children,
}: {
  actor: Actor;
  tabs: Tab[];
  trpc?: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const items: NavItem[] = tabs.map((tab) => ({ href: tab.href, icon: tab.icon, label: t(`nav.${tab.key}` as "nav.home") }));
  const frame = (
    <>
      <header className="sticky top-0 z-10 bg-brand px-4 py-3 text-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between">
          <span className="text-lg font-bold">{t("app.name")}</span>
          <span className="text-base" data-testid="whoami">
            {actor.regionName} · {t(`roles.${actor.role}` as "roles.VILLAGER")}
          </span>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pb-28 pt-4">{children}</main>
      <BottomNav items={items} />
    </>
  );
  return trpc ? <TrpcProvider>{frame}</TrpcProvider> : frame;
}
