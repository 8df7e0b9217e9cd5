"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { RELATIONS } from "@/server/modules/households/household.schema";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { HouseholdDetailData } from "./types";

type Member = HouseholdDetailData["members"][number];
const MEMBER_RELATIONS = RELATIONS.filter((r) => r !== "HEAD");

/** 家庭成员: the list, and for the committee add / remove / link to a phone account. */
export function HouseholdMembers({ household, editable }: { household: HouseholdDetailData; editable: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
  const remove = useMutation(trpc.household.removeMember.mutationOptions({ onSuccess: refresh }));
  const unlink = useMutation(trpc.household.linkMember.mutationOptions({ onSuccess: refresh }));
  const [linking, setLinking] = useState<string | null>(null);
  const [showLeft, setShowLeft] = useState(false);
  const history = useQuery(trpc.household.get.queryOptions({ id: household.id, includeLeft: true }, { enabled: showLeft }));
  const members = showLeft && history.data ? history.data.members : household.members;
  const rowError = remove.error?.message ?? unlink.error?.message;

  return (
    <Card>
      <h2 className="mb-2 text-xl font-bold">{t("household.members.title", { count: household.members.length })}</h2>
      <ErrorBox message={rowError} />
      <ul className="divide-y divide-stone-200" data-testid="member-list">
        {members.map((m) => (
          <li key={m.id} className={`py-3 ${m.status === "LEFT" ? "opacity-70" : ""}`} data-testid={m.status === "LEFT" ? "member-left" : "member-item"}>
            <div className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate text-xl font-medium">{m.name}</span>
              <span className="shrink-0 text-lg text-stone-600">{t(`relations.${m.relation}` as "relations.HEAD")}</span>
            </div>
            <p className="text-base text-stone-600">
              {m.status === "LEFT"
                ? t("household.members.left", { date: m.leftAt ? new Date(m.leftAt).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : "" })
                : m.account
                  ? t("household.members.account", { phone: m.account.phoneMasked })
                  : m.linkPending
                    ? t("household.members.pending")
                    : t("household.members.noAccount")}
            </p>
            {editable && m.status !== "LEFT" ? (
              <div className="mt-2 flex flex-wrap gap-2">
                {m.linkPending ? (
                  <ConfirmButton
                    variant="secondary"
                    label={t("household.members.withdraw")}
                    question={t("household.members.withdrawConfirm", { name: m.name })}
                    busy={unlink.isPending && unlink.variables?.memberId === m.id}
                    onConfirm={() => unlink.mutate({ memberId: m.id, phone: null })}
                    testId="member-withdraw"
                  />
                ) : m.account ? (
                  <ConfirmButton
                    variant="secondary"
                    label={t("household.members.unlink")}
                    question={t("household.members.unlinkConfirm", { name: m.name })}
                    busy={unlink.isPending && unlink.variables?.memberId === m.id}
                    onConfirm={() => unlink.mutate({ memberId: m.id, phone: null })}
                    testId="member-unlink"
                  />
                ) : linking !== m.id ? (
                  <Button type="button" variant="secondary" onClick={() => setLinking(m.id)} data-testid="member-link">
                    {t("household.members.link")}
                  </Button>
                ) : null}
                {m.relation !== "HEAD" ? (
                  <ConfirmButton
                    label={t("household.members.remove")}
                    question={t("household.members.removeConfirm", { name: m.name })}
                    busy={remove.isPending && remove.variables?.memberId === m.id}
                    onConfirm={() => remove.mutate({ memberId: m.id })}
                    testId="member-remove"
                  />
                ) : null}
              </div>
            ) : null}
            {editable && linking === m.id && !m.account && !m.linkPending ? <LinkForm member={m} onDone={() => setLinking(null)} /> : null}
          </li>
        ))}
      </ul>
      <button type="button" className="mt-2 min-h-12 text-base text-brand-dark underline" onClick={() => setShowLeft((v) => !v)} data-testid="member-show-left">
        {showLeft ? t("household.members.hideLeft") : t("household.members.showLeft")}
      </button>
      {editable ? <AddMemberForm householdId={household.id} /> : null}
    </Card>
  );
}

function LinkForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState("");
  const [password, setPassword] = useState("");
  const link = useMutation(
    trpc.household.linkMember.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
        onDone();
      },
    }),
  );
  return (
    <form
      className="mt-3 space-y-3 rounded-xl bg-stone-50 p-3 ring-1 ring-stone-200"
      onSubmit={(e) => {
        e.preventDefault();
        link.mutate({ memberId: member.id, phone: phone.trim(), password: password || undefined });
      }}
    >
      <h3 className="text-lg font-bold">{t("household.members.linkTitle", { name: member.name })}</h3>
      <p className="text-base text-stone-600">{t("household.members.linkHint")}</p>
      <Field label={t("fields.phone")}>
        <Input
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
          data-testid="link-phone"
        />
      </Field>
      <Field label={t("household.members.password")} hint={t("validation.password")}>
        <Input type="password" autoComplete="new-password" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="link-password" />
      </Field>
      <ErrorBox message={link.error?.message} />
      <div className="flex gap-2">
        <Button type="submit" className="flex-1" disabled={link.isPending} data-testid="link-save">
          {link.isPending ? t("household.members.linking") : t("household.members.linkSubmit")}
        </Button>
        <Button type="button" variant="secondary" className="flex-1" onClick={onDone}>
          {t("app.cancel")}
        </Button>
      </div>
    </form>
  );
}

function AddMemberForm({ householdId }: { householdId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [relation, setRelation] = useState<string>("SPOUSE");
  const add = useMutation(
    trpc.household.addMember.mutationOptions({
      onSuccess: async () => {
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
      },
    }),
  );
  return (
    <form
      className="mt-2 space-y-3 border-t border-stone-200 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ householdId, name: name.trim(), relation });
      }}
    >
      <h3 className="text-lg font-bold">{t("household.members.addTitle")}</h3>
      <Field label={t("fields.name")}>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={20} required autoComplete="off" data-testid="member-name" />
      </Field>
      <Field label={t("household.members.relationHint")}>
        <Select value={relation} onChange={(e) => setRelation(e.target.value)} data-testid="member-relation">
          {MEMBER_RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`relations.${r}` as "relations.HEAD")}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBox message={add.error?.message} />
      <Button type="submit" variant="secondary" className="w-full" disabled={add.isPending} data-testid="member-add">
        {add.isPending ? t("household.new.saving") : t("household.members.add")}
      </Button>
    </form>
  );
}
