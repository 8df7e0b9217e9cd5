import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand text-white active:bg-brand-dark disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-800 active:bg-stone-100 disabled:text-stone-400",
  danger: "border border-red-300 bg-white text-red-700 active:bg-red-50",
} as const;

/** Tap targets at least 48 px high, large text. */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      {...props}
      className={`min-h-12 rounded-xl px-5 text-lg font-medium ${VARIANTS[variant]} ${className}`}
    />
  );
}
