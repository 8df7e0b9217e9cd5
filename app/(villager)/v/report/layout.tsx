import { ClientProviders } from "@/components/i18n/client-providers";

/** These pages are interactive in the browser; the villager's home is not (it stays light). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientProviders>{children}</ClientProviders>;
}
