import type { IconName } from "@/components/ui/icons";

type Tab = { href: string; key: string; icon: IconName };

/** The bottom tabs of each role's home. */
export const TABS = {
  villager: [
    { href: "/v", key: "points", icon: "coins" },
    { href: "/v/events", key: "events", icon: "calendar" },
    { href: "/v/store", key: "store", icon: "cart" },
    { href: "/v/affairs", key: "affairs", icon: "megaphone" },
    { href: "/v/me", key: "me", icon: "user" },
  ],
  committee: [
    { href: "/c", key: "home", icon: "home" },
    { href: "/c/households", key: "households", icon: "users" },
    { href: "/c/accounts", key: "accounts", icon: "key" },
    { href: "/c/audit", key: "audit", icon: "scroll" },
    { href: "/c/me", key: "me", icon: "user" },
  ],
  supervisor: [
    { href: "/s", key: "review", icon: "check" },
    { href: "/s/objections", key: "objections", icon: "megaphone" },
    { href: "/s/households", key: "households", icon: "users" },
    { href: "/s/store", key: "refunds", icon: "cart" },
    { href: "/s/audit", key: "audit", icon: "scroll" },
    { href: "/s/me", key: "me", icon: "user" },
  ],
  grid: [
    { href: "/g", key: "grid", icon: "map" },
    { href: "/g/events", key: "events", icon: "calendar" },
    { href: "/g/households", key: "households", icon: "users" },
    { href: "/g/me", key: "me", icon: "user" },
  ],
  shop: [
    { href: "/shop", key: "home", icon: "building" },
    { href: "/shop/items", key: "items", icon: "box" },
    { href: "/shop/pos", key: "pos", icon: "scan" },
    { href: "/shop/me", key: "me", icon: "user" },
  ],
  admin: [
    { href: "/a", key: "villages", icon: "building" },
    { href: "/a/audit", key: "audit", icon: "scroll" },
    { href: "/a/me", key: "me", icon: "user" },
  ],
} as const satisfies Record<string, readonly Tab[]>;
