import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>;
export type StatementLine = Out["points"]["statement"]["items"][number];
export type AwardView = Out["points"]["pending"][number];
export type Trail = Out["points"]["trail"];
export type StaffTrail = Out["award"]["get"];
export type AwardListItem = Out["award"]["list"]["items"][number];
export type AwardCounts = Out["award"]["list"]["counts"];
export type Board = Out["publicity"]["board"];
export type BoardEntry = Board["inNotice"][number];
export type ObjectionItem = Out["objection"]["list"]["items"][number];
export type Batch = Out["publicity"]["batches"]["items"][number];
export type AdoptedRules = Out["rule"]["adopted"];
/** Where staff pages live: committee (/c) or supervisor (/s). */
export type StaffBase = "/c" | "/s";
