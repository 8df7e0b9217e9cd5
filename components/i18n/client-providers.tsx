import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { TrpcProvider } from "@/components/trpc/provider";

/**
 * What interactive pages need in the browser: the messages for useTranslations and, unless
 * `trpc={false}`, the tRPC + query client. Not in the root layout: the villager's home needs neither,
 * which keeps its first load under 150 KB of JS (bench/startup.ts).
 */
export async function ClientProviders({ children, trpc = true }: { children: React.ReactNode; trpc?: boolean }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      {trpc ? <TrpcProvider>{children}</TrpcProvider> : children}
    </NextIntlClientProvider>
  );
}
