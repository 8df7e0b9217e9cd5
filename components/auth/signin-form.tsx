"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

export type DemoAccountView = { phone: string; name: string; roles: string[] };

export function SignInForm({ demo, demoPassword }: { demo: DemoAccountView[]; demoPassword: string | null }) {
  const t = useTranslations();
  const [phone, setPhone] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(p: string, pw: string) {
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { phone: p, password: pw, redirect: false });
    if (res?.ok && !res.error) {
      window.location.href = "/";
      return;
    }
    const [code, minutes] = String(res?.error ?? "INTERNAL").split(":");
    const known = ["LOGIN_FAILED", "LOGIN_RATE_LIMITED", "ACCOUNT_DISABLED", "INVALID_INPUT"];
    setError(
      code === "INVALID_INPUT"
        ? t("errors.INVALID_INPUT", { detail: `${t("fields.phone")} ${t("validation.phone")}` })
        : t(`errors.${known.includes(code!) ? code : "INTERNAL"}` as "errors.INTERNAL", { minutes: minutes ?? "15" }),
    );
    setBusy(false);
  }

  return (
    <div className="space-y-6">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(phone.trim(), password);
        }}
      >
        <Field label={t("signin.phone")}>
          <Input name="phone" inputMode="tel" autoComplete="username" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} required />
        </Field>
        <Field label={t("signin.password")}>
          <Input name="password" type="password" autoComplete="current-password" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <ErrorBox message={error} />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? t("signin.submitting") : t("signin.submit")}
        </Button>
      </form>
      {demo.length > 0 && demoPassword ? (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title" className="text-lg font-bold">
            {t("signin.demoTitle")}
          </h2>
          <p className="mb-2 text-sm text-stone-600">{t("signin.demoHint", { password: demoPassword })}</p>
          <ul className="grid grid-cols-1 gap-2">
            {demo.map((a) => (
              <li key={a.phone}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void submit(a.phone, demoPassword)}
                  className="flex min-h-12 w-full items-center justify-between rounded-xl border border-stone-300 bg-white px-4 py-2 text-left active:bg-stone-100"
                  data-testid={`demo-${a.phone}`}
                >
                  <span className="text-lg font-medium">{a.name}</span>
                  <span className="text-base text-stone-600">{a.roles.join(" · ")}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
