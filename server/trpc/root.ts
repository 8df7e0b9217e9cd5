import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { gridRouter } from "./routers/grid";
import { householdRouter } from "./routers/household";
import { meRouter } from "./routers/me";
import { regionRouter } from "./routers/region";

export const appRouter = router({
  me: meRouter,
  household: householdRouter,
  grid: gridRouter,
  account: accountRouter,
  region: regionRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
