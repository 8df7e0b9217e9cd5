"use client";
import { Button } from "./button";
import { Input } from "./field";

/** A search box with its button; submitting (button or the keyboard's search key) hands over the trimmed text. */
export function SearchForm(props: {
  value: string;
  onChange: (v: string) => void;
  onSearch: (q: string) => void;
  label: string;
  button: string;
  testId: string;
  className?: string;
}) {
  return (
    <form
      role="search"
      className={`flex gap-2 ${props.className ?? ""}`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch(props.value.trim());
      }}
    >
      <Input
        type="search"
        inputMode="search"
        enterKeyHint="search"
        maxLength={20}
        placeholder={props.label}
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
      <Button type="submit" variant="secondary" className="shrink-0 px-4">
        {props.button}
      </Button>
    </form>
  );
}
