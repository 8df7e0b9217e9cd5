import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>["body"];
export type BodiesList = Out["list"];
export type BodyView = BodiesList["bodies"][number];
export type BodyTerm = BodyView["current"][number];
export type BodiesBoard = Out["board"];
