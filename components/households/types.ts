import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>;
export type HouseholdPage = Out["household"]["list"];
export type HouseholdListItem = HouseholdPage["items"][number];
export type HouseholdDetailData = Out["household"]["get"];
export type GridOption = { id: string; name: string };
/** Where the register lives for each staff role: /c (committee), /s (supervisor), /g (grid worker). */
export type RegisterBase = "/c" | "/s" | "/g";
