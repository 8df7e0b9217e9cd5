import { TrpcProvider } from "@/components/trpc/provider";

/** These pages talk to /api/trpc from the browser (the villager's home does not, to stay light). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <TrpcProvider>{children}</TrpcProvider>;
}
