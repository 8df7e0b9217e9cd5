/** Demo places, people and accounts (names and wording follow the field reports in shared/seeds). */
export const DEMO_PASSWORD = "demo1234";

export const COUNTY = "清河县";
export const TOWNS: { name: string; villages: string[] }[] = [
  { name: "柳林镇", villages: ["桃源村", "杨柳村"] },
  { name: "石桥镇", villages: ["石桥社区"] },
];
export const GRIDS = ["第一网格", "第二网格", "第三网格"];
export const HOUSEHOLDS_PER_VILLAGE = 60;

export type DemoAccount = {
  phone: string;
  name: string;
  /** role and the place it is held in; `grid` for grid workers; `household` = 户号 the villager belongs to */
  roles: { role: string; place: string; grid?: string; household?: string }[];
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: "13800000001", name: "王建国", roles: [{ role: "VILLAGER", place: "桃源村", household: "001" }] },
  { phone: "13800000002", name: "李春梅", roles: [{ role: "COMMITTEE", place: "桃源村" }] },
  { phone: "13800000003", name: "张德明", roles: [{ role: "SUPERVISOR", place: "桃源村" }] },
  { phone: "13800000004", name: "赵秀英", roles: [{ role: "GRID_WORKER", place: "桃源村", grid: "第一网格" }] },
  { phone: "13800000005", name: "刘红", roles: [{ role: "SHOPKEEPER", place: "桃源村" }] },
  { phone: "13800000006", name: "陈志强", roles: [{ role: "TOWN_ADMIN", place: "柳林镇" }] },
  { phone: "13800000007", name: "孙立平", roles: [{ role: "COUNTY_ADMIN", place: "清河县" }] },
  {
    phone: "13800000008",
    name: "周桂兰",
    roles: [
      { role: "VILLAGER", place: "杨柳村", household: "001" },
      { role: "SHOPKEEPER", place: "桃源村" },
    ],
  },
  { phone: "13800000009", name: "吴玉珍", roles: [{ role: "COMMITTEE", place: "杨柳村" }] },
  { phone: "13800000010", name: "黄海涛", roles: [{ role: "COMMITTEE", place: "石桥社区" }] },
  { phone: "13800000011", name: "马秀兰", roles: [{ role: "VILLAGER", place: "桃源村", household: "002" }] },
];

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢".split("");
const MALE = ["建国", "志强", "德明", "海涛", "文华", "国庆", "永福", "明亮", "成龙", "长青", "振华", "宝山", "立军", "家兴", "春生", "金贵", "守仁", "满仓", "铁柱", "有才"];
const FEMALE = ["秀英", "桂兰", "玉珍", "春梅", "红霞", "丽娟", "凤英", "淑芬", "翠花", "美玲", "小燕", "海燕", "桂芳", "晓梅", "秀兰", "冬梅", "彩云", "金凤", "月娥", "巧云"];
const YOUNG = ["子轩", "浩然", "欣怡", "梓涵", "一诺", "宇航", "思雨", "俊杰", "佳怡", "雨桐", "嘉豪", "诗涵"];
const LANES = ["东街", "西街", "南巷", "北巷", "前街", "后街", "河沿路", "学堂路"];

/** A small deterministic generator, so every fresh database gets the same demo village. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type DemoHousehold = {
  number: string;
  headName: string;
  address: string;
  grid: string;
  members: { name: string; relation: string }[];
};

export function demoHouseholds(village: string, villageIndex: number): DemoHousehold[] {
  const r = rng(1000 + villageIndex);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: DemoHousehold[] = [];
  const fixedHeads = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) for (const ro of a.roles) if (ro.place === village && ro.household) fixedHeads.set(ro.household, a.name);
  for (let i = 1; i <= HOUSEHOLDS_PER_VILLAGE; i++) {
    const number = String(i).padStart(3, "0");
    const surname = pick(SURNAMES);
    const headName = fixedHeads.get(number) ?? surname + pick(MALE);
    const members: { name: string; relation: string }[] = [];
    if (r() < 0.85) members.push({ name: pick(SURNAMES) + pick(FEMALE), relation: "SPOUSE" });
    const kids = Math.floor(r() * 3);
    for (let k = 0; k < kids; k++) members.push({ name: headName.slice(0, 1) + pick(YOUNG), relation: "CHILD" });
    if (r() < 0.35) members.push({ name: headName.slice(0, 1) + pick(MALE.slice(10)), relation: "PARENT" });
    out.push({
      number,
      headName,
      address: `${village}${pick(LANES)}${1 + Math.floor(r() * 80)}号`,
      grid: GRIDS[(i - 1) % GRIDS.length]!,
      members,
    });
  }
  return out;
}
