/** What the village summary returns (no input: the actor's village, or a grid worker's grid). */
export type VillageSummary = {
  scope: "VILLAGE" | "GRID";
  villageName: string;
  /** the grid worker's own grid; null for the whole village */
  grid: { id: string; name: string } | null;
  households: { active: number; inactive: number };
  /** members of active households */
  members: number;
  /** members of active households who have an account linked */
  membersWithAccount: number;
  /** grids with their active households (a grid worker: only their grid) */
  grids: { id: string; name: string; households: number }[];
  /** active households not yet assigned to a grid (whole village only) */
  householdsWithoutGrid: number | null;
  /** active accounts per role (whole village only) */
  accountsByRole: { role: string; count: number }[] | null;
  /** audit records of the last 7 days (whole village only) */
  recentAudit: number | null;
};
