"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { IMPORT_MAX_BYTES, type ImportErrorDetail } from "@/server/modules/households/household.schema";

type Chosen = { name: string; size: number; base64: string };

function formatSize(bytes: number): string {
  // non-breaking spaces keep "12 KB" on one line
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0KB` : `${(bytes / 1024 / 1024).toFixed(1)}\u00a0MB`;
}

/** The file as base64, without the "data:…;base64," prefix (FileReader is fast even for 5 MB). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * 导入农户名册: choose a CSV/xlsx file (size checked here before anything is sent), check it
 * (dry run), then import. Rejected rows come back as a per-row report; nothing is half-imported.
 */
export function HouseholdImport() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const check = useMutation(trpc.household.import.mutationOptions());
  const run = useMutation(
    trpc.household.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() }),
    }),
  );

  async function choose(f: File | undefined) {
    check.reset();
    run.reset();
    setFile(null);
    setFileError(null);
    if (!f) return;
    if (!/\.(csv|xlsx)$/i.test(f.name)) return setFileError(t("import.badType"));
    if (f.size > IMPORT_MAX_BYTES) return setFileError(t("import.tooLarge", { sizeMb: (f.size / 1024 / 1024).toFixed(1) }));
    setReading(true);
    try {
      setFile({ name: f.name, size: f.size, base64: await readBase64(f) });
    } catch {
      setFileError(t("import.readFailed"));
    } finally {
      setReading(false);
    }
  }

  function reset() {
    check.reset();
    run.reset();
    setFile(null);
    setFileError(null);
    if (input.current) input.current.value = "";
  }

  const busy = reading || check.isPending || run.isPending;
  const failed = run.error ?? check.error;
  const report = failed?.data?.domainCode === "IMPORT_HAS_ERRORS" ? (failed.data.detail as ImportErrorDetail | null) : null;

  // Results appear below the fold on a phone: bring them into view.
  const result = useRef<HTMLDivElement>(null);
  const outcome = failed ?? check.data ?? run.data;
  useEffect(() => {
    if (outcome) result.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [outcome]);

  if (run.data) {
    return (
      <div ref={result} className="scroll-mt-20">
        <Card className="space-y-4 text-center">
          <p className="text-xl font-bold text-green-800" role="status" data-testid="import-done">
            {t("import.done", { count: run.data.imported, members: run.data.members })}
          </p>
          <Link href="/c/households" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-5 text-lg font-medium text-white">
            {t("import.toList")}
          </Link>
          <Button type="button" variant="secondary" className="w-full" onClick={reset}>
            {t("import.another")}
          </Button>
        </Card>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <Card className="space-y-3">
        <label className="flex min-h-12 cursor-pointer items-center justify-center rounded-xl border-2 border-dashed border-stone-400 bg-white px-4 text-lg font-medium text-stone-800 active:bg-stone-100">
          {file ? t("import.chooseAgain") : t("import.choose")}
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            disabled={busy}
            onChange={(e) => choose(e.target.files?.[0])}
            data-testid="import-file"
          />
        </label>
        <p className="break-all text-base text-stone-700" data-testid="import-chosen">
          {file ? t("import.chosen", { name: file.name, size: formatSize(file.size) }) : t("import.noFile")}
        </p>
        <ErrorBox message={fileError} />
        <Button
          type="button"
          className="w-full"
          disabled={!file || busy || check.isSuccess}
          onClick={() => file && check.mutate({ fileName: file.name, contentBase64: file.base64, dryRun: true })}
          data-testid="import-check"
        >
          {check.isPending ? t("import.checking") : t("import.check")}
        </Button>
        {busy ? <Progress /> : null}
      </Card>

      <div ref={result} className="scroll-mt-20 space-y-4">
        {check.data && !run.error ? (
          <Card className="space-y-3">
            <p className="text-lg text-green-800" role="status" data-testid="import-check-ok">
              {t("import.checkOk", { households: check.data.checked, members: check.data.members })}
            </p>
            <Button
              type="button"
              className="w-full"
              disabled={busy}
              onClick={() => file && run.mutate({ fileName: file.name, contentBase64: file.base64, dryRun: false })}
              data-testid="import-run"
            >
              {run.isPending ? t("import.importing") : t("import.importNow", { count: check.data.checked })}
            </Button>
          </Card>
        ) : null}
        {failed ? (
          <div className="space-y-3" data-testid="import-error">
            <ErrorBox message={failed.message} />
            {report ? <ImportReport detail={report} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Progress() {
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-busy="true">
      <div className="h-full w-1/3 animate-pulse rounded-full bg-brand" />
    </div>
  );
}

/** Each rejected row: its line in the file, its 户号, and every problem in words. */
function ImportReport({ detail }: { detail: ImportErrorDetail }) {
  const t = useTranslations();
  return (
    <Card>
      <h2 className="mb-2 text-xl font-bold">{t("import.reportTitle")}</h2>
      {detail.errorCount > detail.rows.length ? (
        <p className="mb-2 text-base text-stone-600">{t("import.reportMore", { shown: detail.rows.length, count: detail.errorCount })}</p>
      ) : null}
      <ul className="divide-y divide-stone-200" data-testid="import-report">
        {detail.rows.map((r) => (
          <li key={r.row} className="py-3" data-testid="import-report-row">
            <p className="text-lg font-medium">
              {t("import.col.row")} {r.row}
              <span className="ml-3 text-stone-600">
                {t("import.col.number")} {r.number || "—"}
              </span>
            </p>
            <ul className="mt-1 list-disc space-y-1 pl-6 text-base text-red-800">
              {r.problems.map((p, i) => (
                <li key={i}>{t(p.key as "import.problem.numberMissing", p.params ?? {})}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
