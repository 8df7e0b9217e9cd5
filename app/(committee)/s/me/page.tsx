import { MePage } from "@/components/auth/me-page";
import { SupervisorDuties } from "@/components/duties/supervisor-duties";
import { requireActor } from "@/server/auth/guard";

export default async function Page() {
  const actor = await requireActor(["SUPERVISOR"]);
  return <MePage extra={<SupervisorDuties userId={actor.userId} />} />;
}
