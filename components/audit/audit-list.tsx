"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { formatStamp } from "@/server/lib/village-time.schema";

const PAGE = 20;
/** Keys never shown even if a record carries them (the server strips them too). */
const SECRET = /password|hash|secret|token|^pin|Pin$/i;

type Snapshot = Record<string, unknown> | null;
type Translate = ReturnType<typeof useTranslations>;

/** Field changes of one record: every key whose value differs between before and after. */
export function changedFields(before: Snapshot, after: Snapshot): { key: string; from: unknown; to: unknown }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !SECRET.test(k));
  return keys
    .map((key) => ({ key, from: before?.[key], to: after?.[key] }))
    .filter((c) => JSON.stringify(c.from ?? null) !== JSON.stringify(c.to ?? null) || !before || !after);
}

function fieldLabel(t: Translate, key: string): string {
  if (t.has(`fields.${key}` as "fields.name")) return t(`fields.${key}` as "fields.name");
  if (t.has(`audit.fields.${key}` as "audit.fields.active")) return t(`audit.fields.${key}` as "audit.fields.active");
  return key;
}

function valueText(t: Translate, labels: Record<string, string>, key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? t("audit.yes") : t("audit.no");
  if (Array.isArray(v)) {
    const sep = t("audit.listSep");
    return v.length > 10 ? `${v.slice(0, 10).join(sep)}… (${v.length})` : v.join(sep);
  }
  if (typeof v === "string") {
    if (/Id$/.test(key)) return labels[v] ?? t("audit.unknownRef");
    if (key === "role" && t.has(`roles.${v}` as "roles.VILLAGER")) return t(`roles.${v}` as "roles.VILLAGER");
    if (key === "relation" && t.has(`relations.${v}` as "relations.HEAD")) return t(`relations.${v}` as "relations.HEAD");
    if (key === "status" && t.has(`audit.status.${v}` as "audit.status.ACTIVE")) return t(`audit.status.${v}` as "audit.status.ACTIVE");
    return v;
  }
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

/**
 * The audit trail, newest first, 20 at a time ("load more"): when (Beijing time), who and in which role,
 * what was done to which record, and the fields that changed (before → after).
 */
export function AuditList({ showPlace = false }: { showPlace?: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const q = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ take: PAGE }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );

  if (q.isPending) return <p className="py-6 text-center text-lg text-stone-600">{t("app.loading")}</p>;
  // a failed "load more" keeps the pages already shown; only a failed first page replaces the list
  if (!q.data)
    return (
      <div className="space-y-3">
        <ErrorBox message={q.error?.message} />
        <Button variant="secondary" onClick={() => void q.refetch()}>
          {t("app.retry")}
        </Button>
      </div>
    );

  const items = q.data.pages.flatMap((p) => p.items.map((item) => ({ item, labels: p.labels })));
  if (items.length === 0) return <Card>{t("audit.empty")}</Card>;

  return (
    <div className="space-y-3">
      <ol className="space-y-3" data-testid="audit-list">
        {items.map(({ item, labels }) => {
          const actionKey = `audit.actions.${item.action}`;
          const action = t.has(actionKey as "audit.title") ? t(actionKey as "audit.title") : item.action;
          const entityKey = `audit.entities.${item.entityKind}`;
          const entity = t.has(entityKey as "audit.title") ? t(entityKey as "audit.title") : item.entityKind;
          const role = item.actorRole ? t(`roles.${item.actorRole}` as "roles.VILLAGER") : "";
          const changes = changedFields(item.before, item.after);
          return (
            <li key={item.id} data-testid="audit-entry">
              <Card className="p-3">
                <div className="flex items-baseline justify-between gap-2">
                  <h3 className="text-lg font-bold">{action}</h3>
                  <time className="shrink-0 text-sm text-stone-600" dateTime={new Date(item.createdAt).toISOString()}>
                    {formatStamp(item.createdAt, locale)}
                  </time>
                </div>
                <p className="text-base text-stone-700">
                  {item.actorName ? t("audit.by", { name: item.actorName, role }) : t("audit.system")}
                </p>
                <p className="text-base text-stone-700">
                  {item.entityLabel ? t("audit.entityLine", { entity, label: item.entityLabel }) : entity}
                  {showPlace && item.regionName && item.regionName !== item.entityLabel ? ` · ${item.regionName}` : ""}
                </p>
                {changes.length > 0 ? (
                  <dl className="mt-2 space-y-1 rounded-xl bg-stone-50 p-2 text-base">
                    {!item.before && item.after ? <p className="text-sm text-stone-500">{t("audit.created")}</p> : null}
                    {item.before && !item.after ? <p className="text-sm text-stone-500">{t("audit.removed")}</p> : null}
                    {changes.map((c) => (
                      <div key={c.key} className="flex flex-wrap gap-x-2">
                        <dt className="text-stone-600">{t("audit.fieldLabel", { field: fieldLabel(t, c.key) })}</dt>
                        <dd className="break-words">
                          {item.before && item.after ? (
                            <>
                              <span className="text-stone-500 line-through">{valueText(t, labels, c.key, c.from)}</span>
                              {" → "}
                              <span className="font-medium">{valueText(t, labels, c.key, c.to)}</span>
                            </>
                          ) : (
                            <span className="font-medium">{valueText(t, labels, c.key, item.after ? c.to : c.from)}</span>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ol>
      {q.hasNextPage ? (
        <Button variant="secondary" className="w-full" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage} data-testid="audit-more">
          {q.isFetchingNextPage ? t("app.loading") : t("audit.loadMore")}
        </Button>
      ) : (
        <p className="py-2 text-center text-base text-stone-500">{t("audit.end")}</p>
      )}
      {q.isFetchNextPageError ? <ErrorBox message={q.error?.message} /> : null}
    </div>
  );
}
