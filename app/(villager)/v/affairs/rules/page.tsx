import { VillagerRules } from "@/components/rules/villager-rules";

export default function Page() {
  return <VillagerRules />;
}
