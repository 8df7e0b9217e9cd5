import { RoleShell } from "@/components/nav/role-shell";
import { TABS } from "@/components/nav/tabs";
import { requireActor } from "@/server/auth/guard";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(["VILLAGER"]);
  return (
    <RoleShell actor={actor} tabs={[...TABS.villager]}>
      {children}
    </RoleShell>
  );
}
