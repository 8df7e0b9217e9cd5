import type { Role } from "@/server/db/generated/enums";

/** Where each role lands after signing in. */
export const HOME_OF: Record<Role, string> = {
  VILLAGER: "/v",
  COMMITTEE: "/c",
  SUPERVISOR: "/s",
  GRID_WORKER: "/g",
  SHOPKEEPER: "/shop",
  TOWN_ADMIN: "/a",
  COUNTY_ADMIN: "/a",
};
