import { describe, expect, it } from "vitest";
import { CARDS_MAX_IDS, cardsQuery, selectionFromQuery, toPages, ZCardSelection } from "@/server/modules/households/card.schema";

describe("household card selection", () => {
  it("travels in the URL and back: all, or the picked ids", () => {
    expect(cardsQuery({ all: true })).toBe("all=1");
    const q = new URLSearchParams(cardsQuery({ ids: ["a1", "b2", "c3"] }));
    expect(selectionFromQuery({ all: q.get("all"), ids: q.get("ids") })).toEqual({ ids: ["a1", "b2", "c3"] });
    expect(selectionFromQuery({ all: "1" })).toEqual({ all: true });
    // nothing picked reaches the service as an empty selection (refused there with CARDS_EMPTY)
    expect(ZCardSelection.parse(selectionFromQuery({ ids: "" }))).toEqual({ ids: [] });
    expect(ZCardSelection.parse(selectionFromQuery({}))).toEqual({});
  });

  it(`takes at most ${CARDS_MAX_IDS} ids, each a plausible id`, () => {
    expect(ZCardSelection.safeParse({ ids: Array.from({ length: CARDS_MAX_IDS }, (_, i) => `h${i}`) }).success).toBe(true);
    expect(ZCardSelection.safeParse({ ids: Array.from({ length: CARDS_MAX_IDS + 1 }, (_, i) => `h${i}`) }).success).toBe(false);
    expect(ZCardSelection.safeParse({ ids: ["x".repeat(41)] }).success).toBe(false);
  });

  it("puts 8 cards on an A4 page", () => {
    expect(toPages([]).length).toBe(0);
    expect(toPages(Array.from({ length: 8 }, (_, i) => i)).map((p) => p.length)).toEqual([8]);
    expect(toPages(Array.from({ length: 60 }, (_, i) => i)).map((p) => p.length)).toEqual([8, 8, 8, 8, 8, 8, 8, 4]);
  });
});
