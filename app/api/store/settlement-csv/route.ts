/**
 * A shop's settlement statement as CSV (UTF-8 with BOM so Excel opens Chinese text correctly).
 * GET ?shopId=…&from=YYYY-MM-DD&to=YYYY-MM-DD — the same permission and scope as settlement.statement.
 */
import { route } from "@/server/http/route";
import { translate } from "@/server/i18n/messages";
import { DomainError } from "@/server/lib/errors";
import { ZStatementInput } from "@/server/modules/store/store.schema";
import { statement } from "@/server/modules/store/settlement.service";
import { toCsv, yuanOf } from "@/server/modules/store/settlement-csv";

export const dynamic = "force-dynamic";

export const GET = route("settlement.statement", async ({ deps, actor, locale, req }) => {
  const url = new URL(req.url);
  const parsed = ZStatementInput.safeParse({
    shopId: url.searchParams.get("shopId") ?? undefined,
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
  });
  if (!parsed.success) throw new DomainError("INVALID_INPUT");
  const s = await statement(deps, actor, parsed.data);
  const t = (k: string) => translate(locale, `store.csv.${k}`);
  const rows = s.lines.map((l) => [l.day, t(`kind.${l.kind}`), l.receiptNo ?? "", l.reference ?? "", l.points, yuanOf(l.fen), l.balance, l.reason]);
  // Numbers stay numbers (a refund's -1.00 must add up in Excel); free text is defused against formulas.
  const csv = toCsv(
    [t("date"), t("kindLabel"), t("receiptNo"), t("reference"), t("points"), t("yuan"), t("balance"), t("reason")],
    [[t("opening"), "", "", "", "", "", s.opening, ""], ...rows, [t("closing"), "", "", "", "", "", s.closing, ""]],
  );
  const name = encodeURIComponent(`${s.shop.name}-${parsed.data.from ?? "all"}-${parsed.data.to ?? "now"}.csv`);
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename*=UTF-8''${name}`,
      "Cache-Control": "no-store",
    },
  });
});
