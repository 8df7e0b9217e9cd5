"use client";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the sheet's print CSS lays the cards out on A4). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" className="w-full" onClick={() => window.print()} data-testid="cards-print">
      {label}
    </Button>
  );
}
