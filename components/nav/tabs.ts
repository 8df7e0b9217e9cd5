/** The bottom tabs of each role's home. */
export const TABS = {
  villager: [
    { href: "/v", key: "points", icon: "💰" },
    { href: "/v/events", key: "events", icon: "📅" },
    { href: "/v/store", key: "store", icon: "🛒" },
    { href: "/v/affairs", key: "affairs", icon: "📢" },
    { href: "/v/me", key: "me", icon: "👤" },
  ],
  committee: [
    { href: "/c", key: "home", icon: "🏠" },
    { href: "/c/households", key: "households", icon: "👪" },
    { href: "/c/accounts", key: "accounts", icon: "🔑" },
    { href: "/c/audit", key: "audit", icon: "📜" },
    { href: "/c/me", key: "me", icon: "👤" },
  ],
  supervisor: [
    { href: "/s", key: "review", icon: "✅" },
    { href: "/s/households", key: "households", icon: "👪" },
    { href: "/s/audit", key: "audit", icon: "📜" },
    { href: "/s/me", key: "me", icon: "👤" },
  ],
  grid: [
    { href: "/g", key: "grid", icon: "🗺️" },
    { href: "/g/households", key: "households", icon: "👪" },
    { href: "/g/me", key: "me", icon: "👤" },
  ],
  shop: [
    { href: "/shop", key: "home", icon: "🏪" },
    { href: "/shop/items", key: "items", icon: "📦" },
    { href: "/shop/pos", key: "pos", icon: "📷" },
    { href: "/shop/me", key: "me", icon: "👤" },
  ],
  admin: [
    { href: "/a", key: "villages", icon: "🏘️" },
    { href: "/a/audit", key: "audit", icon: "📜" },
    { href: "/a/me", key: "me", icon: "👤" },
  ],
} as const;
