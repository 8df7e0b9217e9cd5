import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>;
export type BookData = Out["rule"]["book"];
export type AdoptedData = Out["rule"]["adopted"];
