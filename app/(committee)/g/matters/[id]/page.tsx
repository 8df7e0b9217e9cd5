import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MatterDetail } from "@/components/matters/matter-view";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** One matter of the grid, as the grid worker sees it (with who acted for the household). */
export default async function GridMatterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, m] = await Promise.all([
    getTranslations("matters"),
    (await serverCaller()).matter.get({ id }).catch((e: unknown) => {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }),
  ]);
  return (
    <div className="space-y-4">
      <Link href="/g/matters" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("grid.title")}
      </Link>
      {m ? (
        <MatterDetail m={m} />
      ) : (
        <Card>
          <p className="text-lg">{t("notFound")}</p>
        </Card>
      )}
    </div>
  );
}
