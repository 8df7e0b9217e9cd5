import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>["event"];
export type EventListItem = Out["list"]["items"][number];
export type KioskData = Out["kiosk"];
export type RosterData = Out["roster"];
