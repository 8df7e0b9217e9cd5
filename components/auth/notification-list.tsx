"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";

/**
 * 消息: what the person or their household should know (e.g. the committee reset the card PIN), newest first.
 * A kind's text is notifications.kind.<kind> (its dots are the catalogue's nesting).
 */
export function NotificationList() {
  const t = useTranslations("notifications");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notification.list.queryOptions({}));
  const read = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }) }));
  const unread = list.data?.unread ?? 0;
  return (
    <Card data-testid="notifications">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-lg font-bold">
          {t("title")}
          {unread > 0 ? (
            <span className="ml-2 whitespace-nowrap rounded-full bg-red-700 px-2 py-0.5 text-base text-white" data-testid="notifications-unread">
              {t("unread", { count: unread })}
            </span>
          ) : null}
        </h2>
        {unread > 0 ? (
          <Button type="button" variant="secondary" onClick={() => read.mutate({})} disabled={read.isPending} data-testid="notifications-read-all">
            {t("markAll")}
          </Button>
        ) : null}
      </div>
      {list.isPending ? <p className="text-base text-stone-600">{t("loading")}</p> : null}
      <ErrorBox message={list.error?.message ?? read.error?.message} />
      {list.data && list.data.items.length === 0 ? <p className="text-base text-stone-600">{t("empty")}</p> : null}
      <ul className="divide-y divide-stone-200">
        {list.data?.items.map((n) => (
          <li key={n.id} className={`py-2 text-base ${n.read ? "text-stone-600" : "font-medium"}`} data-testid="notification-item">
            <p>{t.has(`kind.${n.kind}`) ? t(`kind.${n.kind}` as "kind.pin.reset", n.payload as Record<string, string>) : n.kind}</p>
            <p className="text-sm text-stone-500">{new Date(n.createdAt).toLocaleString(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
