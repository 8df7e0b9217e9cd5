"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";

/**
 * The ballot: one large button per choice; a tap asks "确定投「…」吗？" with 确定 / 取消, then votes
 * and reloads the page (which then shows that the household voted). A retry returns the first vote:
 * when the household had already voted (another member's phone, a page left open), the reply is not
 * the first vote and the ballot gives way to a plain "your household already voted: …, this one was not
 * counted" instead of quietly reloading.
 */
export function Ballot({ motionId, options }: { motionId: string; options: string[] }) {
  const t = useTranslations("votes.board");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const router = useRouter();
  const [choice, setChoice] = useState<string | null>(null);
  const vote = useMutation(trpc.motion.vote.mutationOptions({ onSuccess: (r) => (r.first ? router.refresh() : undefined) }));
  if (vote.data && !vote.data.first) {
    return (
      <p role="status" className="rounded-2xl bg-amber-50 p-4 text-xl font-bold text-stone-900 ring-1 ring-amber-300" data-testid="ballot-already">
        {vote.data.option ? t("alreadyVoted", { choice: vote.data.option }) : t("alreadyVotedSecret")}
      </p>
    );
  }
  return (
    <div className="space-y-3" data-testid="ballot">
      <ErrorBox message={vote.error?.message} />
      {choice ? (
        <div className="space-y-3 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200">
          <p className="text-xl font-bold text-stone-900">{t("confirm", { choice })}</p>
          <div className="grid grid-cols-2 gap-3">
            <Button type="button" variant="primary" className="min-h-14 text-xl" disabled={vote.isPending} onClick={() => vote.mutate({ motionId, option: choice })} data-testid="ballot-confirm">
              {ta("confirm")}
            </Button>
            <Button type="button" variant="secondary" className="min-h-14 text-xl" disabled={vote.isPending} onClick={() => setChoice(null)}>
              {ta("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p className="text-lg text-stone-700">{t("choose")}</p>
          <div className="grid gap-3">
            {options.map((o) => (
              <button
                key={o}
                type="button"
                className="min-h-16 w-full rounded-2xl border-2 border-brand bg-white px-4 text-2xl font-bold text-brand active:bg-red-50"
                onClick={() => setChoice(o)}
                data-testid="ballot-option"
              >
                {o}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
