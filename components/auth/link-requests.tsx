"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";

/**
 * Requests to link this account to a member of a household: the committee asked, the holder decides.
 * Shown on 我的 only while there is one.
 */
export function LinkRequests() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.household.myLinks.queryOptions());
  const answer = useMutation(
    trpc.household.answerLink.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() })]),
    }),
  );
  if (links.error) return <ErrorBox message={links.error.message} />;
  if (!links.data || (links.data.length === 0 && !answer.isSuccess)) return null;
  return (
    <Card data-testid="link-requests">
      <h2 className="mb-2 text-lg font-bold">{t("links.title")}</h2>
      {links.data.length === 0 ? (
        <p role="status" className="text-base text-green-800">
          {answer.variables?.accept ? t("links.accepted") : t("links.declined")}
        </p>
      ) : null}
      <ErrorBox message={answer.error?.message} />
      <ul className="space-y-3">
        {links.data.map((l) => (
          <li key={l.memberId} className="space-y-2" data-testid="link-request">
            <p className="text-base">
              {t("links.ask", { village: l.household.village, number: l.household.number, head: l.household.headName, name: l.memberName, relation: t(`relations.${l.relation}` as "relations.HEAD") })}
            </p>
            <div className="grid grid-cols-2 gap-2">
              <Button type="button" disabled={answer.isPending} onClick={() => answer.mutate({ memberId: l.memberId, accept: true })} data-testid="link-accept">
                {t("links.accept")}
              </Button>
              <Button type="button" variant="secondary" disabled={answer.isPending} onClick={() => answer.mutate({ memberId: l.memberId, accept: false })} data-testid="link-decline">
                {t("links.decline")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
