import { RoleShell } from "@/components/nav/role-shell";
import { TABS } from "@/components/nav/tabs";
import { ClientProviders } from "@/components/i18n/client-providers";
import { requireActor } from "@/server/auth/guard";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(["TOWN_ADMIN", "COUNTY_ADMIN"]);
  return (
    <ClientProviders>
      <RoleShell actor={actor} tabs={[...TABS.admin]}>
        {children}
      </RoleShell>
    </ClientProviders>
  );
}
