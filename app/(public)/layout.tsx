import { ClientProviders } from "@/components/i18n/client-providers";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientProviders trpc={false}>{children}</ClientProviders>;
}
