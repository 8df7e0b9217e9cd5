"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select } from "@/components/ui/field";
import { Icon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/stat";
import { COMMITTEE_ROLE_VALUES, type VillageRole } from "@/server/modules/accounts/account.schema";

type Grid = { id: string; name: string };
type Account = {
  id: string;
  name: string;
  phoneMasked: string;
  active: boolean;
  isSelf: boolean;
  /** the village keeps this account: its committee may reset the password and give roles */
  kept: boolean;
  roles: { role: string; grid: Grid | null }[];
};

function Success({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <p role="status" className="rounded-xl border border-green-300 bg-green-50 p-3 text-base text-green-800" data-testid={testId}>
      {children}
    </p>
  );
}

/** Waits until typing pauses, so each keystroke does not cost a request on a weak network. */
function useDebounced<T>(value: T, ms = 350): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** 账号管理: the people of the village, with creating accounts, resetting passwords and giving roles. */
export function AccountManager() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim());
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery(trpc.account.list.queryOptions({ query: q || undefined }));
  const grids = useQuery(trpc.grid.list.queryOptions());
  const gridList: Grid[] = (grids.data ?? []).map((g) => ({ id: g.id, name: g.name }));

  return (
    <div className="space-y-4">
      {creating ? (
        <Card>
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-lg font-bold">{t("account.new")}</h2>
            <Button variant="secondary" className="min-h-11 px-3 text-base" onClick={() => setCreating(false)}>
              {t("app.cancel")}
            </Button>
          </div>
          <CreateAccountForm grids={gridList} />
        </Card>
      ) : (
        <Button className="flex w-full items-center justify-center gap-2" onClick={() => setCreating(true)} data-testid="account-new">
          <Icon name="plus" className="h-6 w-6" />
          {t("account.new")}
        </Button>
      )}

      <label className="relative block">
        <span className="sr-only">{t("app.search")}</span>
        <span className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-stone-500">
          <Icon name="search" className="h-5 w-5" />
        </span>
        <Input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={20}
          placeholder={t("account.searchPlaceholder")}
          className="pl-10"
          data-testid="account-search"
        />
      </label>

      {list.isPending ? (
        <p className="py-6 text-center text-lg text-stone-600">{t("app.loading")}</p>
      ) : list.isError ? (
        <div className="space-y-2">
          <ErrorBox message={list.error.message} />
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t("app.retry")}
          </Button>
        </div>
      ) : list.data.length === 0 ? (
        <Card>{t("account.empty")}</Card>
      ) : (
        <>
          <p className="text-base text-stone-600">{t("account.count", { count: list.data.length })}</p>
          <ul className="space-y-3">
            {list.data.map((a) => (
              <AccountRow
                key={a.id}
                account={a}
                grids={gridList}
                open={openId === a.id}
                onToggle={() => setOpenId(openId === a.id ? null : a.id)}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function roleText(t: ReturnType<typeof useTranslations>, r: { role: string; grid: Grid | null }) {
  const name = t(`roles.${r.role}` as "roles.VILLAGER");
  return r.grid ? `${name} · ${r.grid.name}` : name;
}

function CreateAccountForm({ grids }: { grids: Grid[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const empty = { phone: "", name: "", password: "", role: "VILLAGER" as VillageRole, gridId: "" };
  const [f, setF] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.account.create.mutationOptions({
      onSuccess: (_d, input) => {
        setDone(t("account.created", { name: input.name }));
        setF(empty);
        void queryClient.invalidateQueries({ queryKey: trpc.account.list.pathKey() });
      },
    }),
  );
  return (
    <form
      className="space-y-3"
      data-testid="account-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        create.mutate({
          phone: f.phone.trim(),
          name: f.name,
          password: f.password,
          role: f.role,
          gridId: f.role === "GRID_WORKER" && f.gridId ? f.gridId : undefined,
        });
      }}
    >
      <Field label={t("fields.name")}>
        <Input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} maxLength={20} autoComplete="off" required data-testid="account-name" />
      </Field>
      <Field label={t("fields.phone")}>
        <Input
          value={f.phone}
          onChange={(e) => setF({ ...f, phone: e.target.value })}
          inputMode="tel"
          maxLength={11}
          autoComplete="off"
          required
          data-testid="account-phone"
        />
      </Field>
      <Field label={t("account.initialPassword")} hint={t("account.passwordHint")}>
        <Input
          value={f.password}
          onChange={(e) => setF({ ...f, password: e.target.value })}
          type="text"
          autoComplete="new-password"
          maxLength={64}
          required
          data-testid="account-password"
        />
      </Field>
      <Field label={t("fields.role")}>
        <Select value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as VillageRole })} data-testid="account-role">
          {COMMITTEE_ROLE_VALUES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}` as "roles.VILLAGER")}
            </option>
          ))}
        </Select>
      </Field>
      {f.role === "GRID_WORKER" ? (
        grids.length === 0 ? (
          <p className="text-base text-amber-800">{t("account.noGrids")}</p>
        ) : (
          <Field label={t("fields.gridId")}>
            <Select value={f.gridId} onChange={(e) => setF({ ...f, gridId: e.target.value })} required data-testid="account-grid">
              <option value="" disabled>
                {t("account.chooseGrid")}
              </option>
              {grids.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
        )
      ) : null}
      <ErrorBox message={create.error?.message} />
      {done ? <Success testId="account-created">{done}</Success> : null}
      <Button type="submit" className="w-full" disabled={create.isPending} data-testid="account-submit">
        {create.isPending ? t("account.creating") : t("account.create")}
      </Button>
    </form>
  );
}

function AccountRow({ account: a, grids, open, onToggle }: { account: Account; grids: Grid[]; open: boolean; onToggle: () => void }) {
  const t = useTranslations();
  return (
    <li data-testid="account-row">
      <Card className="p-3">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-lg font-bold">
              {a.name} {a.isSelf ? <Badge tone="brand">{t("account.self")}</Badge> : null}{" "}
              {!a.active ? <Badge tone="amber">{t("account.disabled")}</Badge> : null}
            </p>
            <p className="text-base text-stone-600">{a.phoneMasked}</p>
          </div>
          <Button
            variant="secondary"
            className="min-h-11 shrink-0 px-3 text-base"
            onClick={onToggle}
            aria-expanded={open}
            data-testid="account-manage"
          >
            {open ? t("account.close") : t("account.manage")}
          </Button>
        </div>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {a.roles.length === 0 ? <Badge>{t("account.noRole")}</Badge> : null}
          {a.roles.map((r) => (
            <Badge key={r.role} tone={r.role === "COMMITTEE" || r.role === "SUPERVISOR" ? "brand" : "stone"}>
              {roleText(t, r)}
            </Badge>
          ))}
        </div>
        {open && a.roles.some((r) => r.role === "SUPERVISOR") ? (
          <p className="mt-3 border-t border-stone-200 pt-3 text-base text-stone-700" data-testid="account-supervisor-note">
            {t("account.supervisorByTown")}
          </p>
        ) : open ? (
          <ManagePanel account={a} grids={grids} />
        ) : null}
      </Card>
    </li>
  );
}

function ManagePanel({ account: a, grids }: { account: Account; grids: Grid[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const current = a.roles.find((r) => r.role === "GRID_WORKER")?.grid?.id ?? "";
  const [gridId, setGridId] = useState(current);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.list.pathKey() });
  const setRole = useMutation(
    trpc.account.setRole.mutationOptions({
      onMutate: () => setMessage(null),
      onSuccess: (_d, input) => {
        const role = t(`roles.${input.role}` as "roles.VILLAGER");
        setMessage(input.enabled ? t("account.granted", { role }) : t("account.revoked", { role }));
        void refresh();
      },
    }),
  );
  const reset = useMutation(
    trpc.account.resetPassword.mutationOptions({
      onMutate: () => setMessage(null),
      onSuccess: () => {
        setMessage(t("account.resetDone", { name: a.name }));
        setPassword("");
      },
    }),
  );
  const busy = setRole.isPending || reset.isPending;
  const error = setRole.error?.message ?? reset.error?.message;
  // an account the village does not keep: only its roles here can be taken away
  const roles = a.kept ? COMMITTEE_ROLE_VALUES : COMMITTEE_ROLE_VALUES.filter((role) => a.roles.some((r) => r.role === role));

  return (
    <div className="mt-3 space-y-4 border-t border-stone-200 pt-3" data-testid="account-panel">
      {!a.kept ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-base text-amber-900" data-testid="account-not-kept">
          {t("account.notKept")}
        </p>
      ) : null}
      <section>
        <h3 className="mb-1 text-base font-bold">{t("account.roles")}</h3>
        <ul className="divide-y divide-stone-200">
          {roles.map((role) => {
            const has = a.roles.find((r) => r.role === role);
            const label = t(`roles.${role}` as "roles.VILLAGER");
            const ownCommittee = a.isSelf && role === "COMMITTEE";
            const isGrid = role === "GRID_WORKER";
            return (
              <li key={role} className="space-y-2 py-2" data-testid={`role-${role}`}>
                {/* wraps, so a confirmation question takes the full width under the role's name */}
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-lg">
                    {label}
                    {has ? <Icon name="check" className="ml-2 inline h-5 w-5 align-[-3px] text-green-700" /> : null}
                  </span>
                  {has ? (
                    ownCommittee ? (
                      <span className="text-sm text-stone-500">{t("account.ownCommittee")}</span>
                    ) : (
                      <ConfirmButton
                        label={t("account.revoke")}
                        question={t("account.confirmRevoke", { name: a.name, role: label })}
                        busy={setRole.isPending && setRole.variables?.role === role}
                        disabled={busy}
                        className="ml-auto min-h-11 px-4 text-base"
                        onConfirm={() => setRole.mutate({ userId: a.id, role, enabled: false })}
                        testId={`revoke-${role}`}
                      />
                    )
                  ) : isGrid || !a.kept ? null : (
                    <ConfirmButton
                      variant="secondary"
                      label={t("account.grant")}
                      question={t("account.confirmGrant", { name: a.name, role: label })}
                      busy={setRole.isPending && setRole.variables?.role === role}
                      disabled={busy}
                      className="ml-auto min-h-11 px-4 text-base"
                      onConfirm={() => setRole.mutate({ userId: a.id, role, enabled: true })}
                      testId={`grant-${role}`}
                    />
                  )}
                </div>
                {isGrid && a.kept ? (
                  grids.length === 0 ? (
                    <p className="text-sm text-amber-800">{t("account.noGrids")}</p>
                  ) : (
                    <div className="flex gap-2">
                      <Select
                        value={gridId}
                        onChange={(e) => setGridId(e.target.value)}
                        aria-label={t("fields.gridId")}
                        className="flex-1"
                        data-testid="role-grid"
                      >
                        <option value="">{t("account.chooseGrid")}</option>
                        {grids.map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.name}
                          </option>
                        ))}
                      </Select>
                      {!has || gridId !== current ? (
                        <Button
                          variant="secondary"
                          className="min-h-11 shrink-0 px-4 text-base"
                          disabled={busy}
                          onClick={() => setRole.mutate({ userId: a.id, role, enabled: true, gridId: gridId || undefined })}
                          data-testid="grant-GRID_WORKER"
                        >
                          {has ? t("account.changeGrid") : t("account.grant")}
                        </Button>
                      ) : null}
                    </div>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {a.kept ? (
        <section className="space-y-2">
          <h3 className="text-base font-bold">{t("account.resetPassword")}</h3>
          <Field label={t("account.newPassword")} hint={t("account.passwordHint")}>
            <Input
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              type="text"
              autoComplete="new-password"
              maxLength={64}
              data-testid="reset-password-input"
            />
          </Field>
          <ConfirmButton
            label={t("account.resetPassword")}
            question={t("account.confirmReset", { name: a.name })}
            busy={reset.isPending}
            disabled={busy || password.length === 0}
            className="w-full"
            onConfirm={() => reset.mutate({ userId: a.id, password })}
            testId="reset-password"
          />
        </section>
      ) : null}

      <ErrorBox message={error} />
      {message ? <Success testId="account-panel-done">{message}</Success> : null}
    </div>
  );
}
