import { RoleShell } from "@/components/nav/role-shell";
import { TABS } from "@/components/nav/tabs";
import { ClientProviders } from "@/components/i18n/client-providers";
import { requireActor } from "@/server/auth/guard";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(["SUPERVISOR"]);
  return (
    <ClientProviders>
      <RoleShell actor={actor} tabs={[...TABS.supervisor]}>
        {children}
      </RoleShell>
    </ClientProviders>
  );
}
