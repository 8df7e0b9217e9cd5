import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>;
export type ReportView = Out["report"]["mine"][number];
export type QueueItem = Out["report"]["queue"]["items"][number];
