import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { gridRouter } from "./routers/grid";
import { householdRouter } from "./routers/household";
import { meRouter } from "./routers/me";
import { notificationRouter } from "./routers/notification";
import { regionRouter } from "./routers/region";
import { ruleRouter } from "./routers/rule";
import { villageRouter } from "./routers/village";
import { awardRouter } from "./routers/award";
import { publicityRouter } from "./routers/publicity";
import { objectionRouter } from "./routers/objection";
import { pointsRouter } from "./routers/points";
import { relationRouter } from "./routers/relation";
import { supervisorRouter } from "./routers/supervisor";
import { eventRouter } from "./routers/event";
import { motionRouter } from "./routers/motion";
import { bodyRouter } from "./routers/body";
import { meetingRouter } from "./routers/meeting";
import { mediationRouter } from "./routers/mediation";
import { noticeRouter } from "./routers/notice";
import { matterRouter } from "./routers/matter";
import { reportRouter } from "./routers/report";
import { itemRouter, settlementRouter, storeRouter } from "./routers/store";

export const appRouter = router({
  me: meRouter,
  household: householdRouter,
  grid: gridRouter,
  account: accountRouter,
  region: regionRouter,
  audit: auditRouter,
  village: villageRouter,
  rule: ruleRouter,
  award: awardRouter,
  publicity: publicityRouter,
  objection: objectionRouter,
  relation: relationRouter,
  supervisor: supervisorRouter,
  points: pointsRouter,
  event: eventRouter,
  store: storeRouter,
  item: itemRouter,
  settlement: settlementRouter,
  notification: notificationRouter,
  motion: motionRouter,
  notice: noticeRouter,
  body: bodyRouter,
  meeting: meetingRouter,
  matter: matterRouter,
  mediation: mediationRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
