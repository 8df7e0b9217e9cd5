"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select } from "@/components/ui/field";
import { BODY_KINDS, BODY_NAME_MAX, BODY_ROLES, type BodyKind, type BodyRole } from "@/server/modules/council/body.schema";

/** 新建组织: kind and name; the page reloads with the new body. */
export function CreateBody() {
  const t = useTranslations("bodies");
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<BodyKind>("COMMITTEE");
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.body.create.mutationOptions({
      onSuccess: () => {
        setName("");
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ kind, name });
      }}
    >
      <h2 className="text-lg font-bold">{t("create.title")}</h2>
      <Field label={t("create.kind")}>
        <Select
          value={kind}
          onChange={(e) => {
            const k = e.target.value as BodyKind;
            setKind(k);
            if (!name) setName(k === "OTHER" ? "" : t(`kind.${k}`));
          }}
          data-testid="body-kind"
        >
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("create.name")}>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={BODY_NAME_MAX} required data-testid="body-name" />
      </Field>
      <ErrorBox message={create.error?.message} />
      <Button type="submit" className="w-full" disabled={create.isPending} data-testid="body-create">
        {create.isPending ? t("create.saving") : t("create.save")}
      </Button>
    </form>
  );
}

/** 添加成员: find a person of the village's households by name, pick a role and the term. */
export function AddBodyMember({ bodyId }: { bodyId: string }) {
  const t = useTranslations("bodies");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [personId, setPersonId] = useState("");
  const [role, setRole] = useState<BodyRole>("MEMBER");
  const [termStart, setTermStart] = useState("");
  const [termEnd, setTermEnd] = useState("");
  const people = useQuery(trpc.body.people.queryOptions({ q }, { enabled: open, placeholderData: (p) => p }));
  const add = useMutation(
    trpc.body.addMember.mutationOptions({
      onSuccess: () => {
        setPersonId("");
        setOpen(false);
        router.refresh();
      },
    }),
  );
  if (!open) {
    return (
      <Button type="button" variant="secondary" className="w-full" onClick={() => setOpen(true)} data-testid="body-add-open">
        + {t("add.title")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-3 rounded-xl bg-stone-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ bodyId, personId, role, termStart, termEnd: termEnd || undefined });
      }}
    >
      <h3 className="text-lg font-bold">{t("add.title")}</h3>
      <Field label={t("add.search")} hint={t("add.searchHint")}>
        <Input value={q} onChange={(e) => setQ(e.target.value)} maxLength={20} data-testid="body-person-search" />
      </Field>
      <Field label={t("add.person")}>
        <Select value={personId} onChange={(e) => setPersonId(e.target.value)} required data-testid="body-person">
          <option value="">{people.data && people.data.length === 0 ? t("add.none") : t("add.pick")}</option>
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {t("add.household", { number: p.householdNumber })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("add.role")}>
        <Select value={role} onChange={(e) => setRole(e.target.value as BodyRole)} data-testid="body-role">
          {BODY_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-1 gap-3 min-[360px]:grid-cols-2">
        <Field label={t("add.termStart")}>
          <Input type="date" value={termStart} onChange={(e) => setTermStart(e.target.value)} required data-testid="body-term-start" />
        </Field>
        <Field label={t("add.termEnd")}>
          <Input type="date" value={termEnd} onChange={(e) => setTermEnd(e.target.value)} data-testid="body-term-end" />
        </Field>
      </div>
      <ErrorBox message={people.error?.message ?? add.error?.message} />
      <Button type="submit" className="w-full" disabled={add.isPending} data-testid="body-add">
        {add.isPending ? t("add.saving") : t("add.save")}
      </Button>
    </form>
  );
}

/** 结束任期: asks first; the term stays as history. */
export function EndTerm({ id }: { id: string }) {
  const t = useTranslations("bodies.term");
  const trpc = useTRPC();
  const router = useRouter();
  const end = useMutation(trpc.body.endTerm.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-1">
      <ErrorBox message={end.error?.message} />
      <ConfirmButton label={t("end")} question={t("endQuestion")} busy={end.isPending} onConfirm={() => end.mutate({ id })} testId="body-end-term" />
    </div>
  );
}
