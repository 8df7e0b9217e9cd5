import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "道德银行 Moral Bank",
  description: "村级积分制管理：积分申报、公示、积分超市、村务议事",
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icon-192.png", apple: "/icon-192.png" },
  appleWebApp: { capable: true, title: "道德银行" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b91c1c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of this request's Content-Security-Policy
  // (proxy.ts), which a page prerendered at build time could not know.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        {children}
      </body>
    </html>
  );
}
