/**
 * The demo villages' rule book (积分管理细则): the kind of list villages adopt, additions and
 * deductions in every category, with caps where practice has them ("每月最多4次") and photo
 * evidence where a claim needs proof. Wording follows the field reports in shared/seeds.
 */
export type DemoRule = {
  code: string;
  category: "LAW_ABIDING" | "HARD_WORK" | "FILIAL" | "CUSTOMS" | "PUBLIC_GOOD" | "ENVIRONMENT" | "SAFETY" | "REPORT" | "OTHER";
  title: string;
  description: string;
  points: number;
  capPeriod?: "MONTH" | "YEAR";
  capCount?: number;
  evidenceRequired?: boolean;
};

export const DEMO_RULE_YEAR = 2026;
export const demoRuleBookTitle = (village: string) => `《${village}积分管理细则》（${DEMO_RULE_YEAR}年版）`;
export const DEMO_RULE_ADOPTED_AT = new Date("2026-01-10T10:00:00+08:00");
export const DEMO_RULE_ADOPTED_BY = "2026年1月10日村民代表会议表决通过（应到35人，实到32人，同意30人）";

export const DEMO_RULES: DemoRule[] = [
  // 遵纪守法
  { code: "A01", category: "LAW_ABIDING", title: "全家全年无违法犯罪记录", description: "年底由村委会会同派出所核实，家庭成员全年无违法犯罪记录。", points: 10, capPeriod: "YEAR", capCount: 1 },
  { code: "A02", category: "LAW_ABIDING", title: "参加法治宣传、普法讲座", description: "参加村里组织的普法讲座、法治宣传活动，以签到为准。", points: 3, capPeriod: "MONTH", capCount: 2 },
  { code: "A03", category: "LAW_ABIDING", title: "见义勇为", description: "经有关部门认定的见义勇为行为。", points: 50, evidenceRequired: true },
  { code: "A04", category: "LAW_ABIDING", title: "打架斗殴", description: "因打架斗殴被公安机关处理的，每人次扣分。", points: -50, evidenceRequired: true },
  { code: "A05", category: "LAW_ABIDING", title: "聚众赌博、参与封建迷信活动", description: "经查实参与赌博或组织、参与封建迷信活动。", points: -30 },
  { code: "A06", category: "LAW_ABIDING", title: "违法占地、私搭乱建", description: "未经审批占用耕地建房或私搭乱建，经劝阻不改。", points: -50, evidenceRequired: true },
  { code: "A07", category: "LAW_ABIDING", title: "缠访闹访、无理上访", description: "诉求已依法处理仍缠访闹访的。", points: -20 },

  // 勤劳致富
  { code: "B01", category: "HARD_WORK", title: "发展特色种养殖，家庭增收明显", description: "发展特色种植、养殖或庭院经济，年收入明显增长，经村委会评定。", points: 10, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "B02", category: "HARD_WORK", title: "自主创业带动村民就业", description: "创办合作社、家庭农场或企业，带动5户以上村民就业。", points: 20, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "B03", category: "HARD_WORK", title: "参加职业技能培训", description: "参加镇、村组织的种养殖、电商、家政等技能培训并结业。", points: 3, capPeriod: "MONTH", capCount: 2 },
  { code: "B04", category: "HARD_WORK", title: "脱贫户、监测户稳定务工增收", description: "家庭成员外出务工或就近就业满6个月。", points: 5, capPeriod: "YEAR", capCount: 2 },
  { code: "B05", category: "HARD_WORK", title: "有劳动能力却游手好闲、等靠要", description: "有劳动能力长期不务正业，经帮扶教育不改。", points: -10 },
  { code: "B06", category: "HARD_WORK", title: "土地撂荒", description: "承包地无正当理由撂荒一季以上。", points: -10, capPeriod: "YEAR", capCount: 2 },

  // 孝老爱亲
  { code: "C01", category: "FILIAL", title: "赡养老人获评孝老爱亲模范", description: "在村、镇评选中获评孝老爱亲模范（好媳妇、好儿女）。", points: 30, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "C02", category: "FILIAL", title: "照顾孤寡、残疾、留守老人", description: "主动帮助照料本村孤寡、残疾、留守老人，经网格员核实。", points: 5, capPeriod: "MONTH", capCount: 2 },
  { code: "C03", category: "FILIAL", title: "家庭和睦获评“五好家庭”", description: "获评村级以上“五好家庭”“最美家庭”。", points: 20, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "C04", category: "FILIAL", title: "长期照料患病卧床家人", description: "长期悉心照料患病、卧床家人，邻里公认。", points: 10, capPeriod: "YEAR", capCount: 1 },
  { code: "C05", category: "FILIAL", title: "不赡养、虐待老人", description: "拒不履行赡养义务或虐待、遗弃老人，经调解不改。", points: -50, evidenceRequired: true },
  { code: "C06", category: "FILIAL", title: "家庭暴力", description: "经妇联、派出所或村调委会确认的家庭暴力行为。", points: -50 },
  { code: "C07", category: "FILIAL", title: "适龄子女辍学", description: "义务教育阶段子女无故辍学，经劝返不改。", points: -20 },

  // 移风易俗
  { code: "D01", category: "CUSTOMS", title: "红白喜事简办", description: "红白喜事事前向红白理事会报备，按村规标准简办。", points: 20, evidenceRequired: true },
  { code: "D02", category: "CUSTOMS", title: "婚事新办，零彩礼或低彩礼", description: "彩礼不超过村规民约标准，或不收彩礼。", points: 20, evidenceRequired: true },
  { code: "D03", category: "CUSTOMS", title: "文明祭祀", description: "丧事不燃放烟花爆竹、不抛撒纸钱，采用鲜花祭扫等文明方式。", points: 10 },
  { code: "D04", category: "CUSTOMS", title: "参加文艺队、广场舞等文明实践活动", description: "参加村文艺队演出、广场舞、读书会等新时代文明实践活动。", points: 2, capPeriod: "MONTH", capCount: 4 },
  { code: "D05", category: "CUSTOMS", title: "高价彩礼", description: "彩礼超过村规民约标准的。", points: -30 },
  { code: "D06", category: "CUSTOMS", title: "大操大办婚丧喜庆", description: "宴席超过规定桌数、搭棚设宴、车队过长等铺张浪费行为。", points: -20 },
  { code: "D07", category: "CUSTOMS", title: "人情礼金超标准、借机敛财", description: "乔迁、满月、升学等滥办酒席或礼金超过村规标准。", points: -10 },

  // 公益志愿
  { code: "E01", category: "PUBLIC_GOOD", title: "参加志愿服务活动", description: "参加村里组织的志愿服务活动（助老、清扫、防疫、文明劝导等），以签到为准。", points: 5, capPeriod: "MONTH", capCount: 4 },
  { code: "E02", category: "PUBLIC_GOOD", title: "无偿献血", description: "凭献血证登记。", points: 20, capPeriod: "YEAR", capCount: 2, evidenceRequired: true },
  { code: "E03", category: "PUBLIC_GOOD", title: "为村公益事业捐款捐物", description: "为修路、助学、扶困等村公益事业捐款捐物，凭收据登记。", points: 5, capPeriod: "MONTH", capCount: 1, evidenceRequired: true },
  { code: "E04", category: "PUBLIC_GOOD", title: "参加村民议事会、村民说事并建言", description: "参加村民议事会、村民说事、百姓议事等活动并提出意见建议。", points: 3, capPeriod: "MONTH", capCount: 2 },
  { code: "E05", category: "PUBLIC_GOOD", title: "参加集体义务劳动", description: "参加修路、清淤、植树等村集体义务劳动，每次半天以上。", points: 5, capPeriod: "MONTH", capCount: 4 },
  { code: "E06", category: "PUBLIC_GOOD", title: "按时参加村民会议、投票表决", description: "按时参加村民（代表）会议或参与投票表决。", points: 2, capPeriod: "MONTH", capCount: 1 },
  { code: "E07", category: "PUBLIC_GOOD", title: "集体义务劳动无故缺席", description: "应参加的集体义务劳动无故缺席。", points: -5 },

  // 环境卫生
  { code: "F01", category: "ENVIRONMENT", title: "垃圾分类达标", description: "每月检查垃圾分类投放达标。", points: 2, capPeriod: "MONTH", capCount: 1 },
  { code: "F02", category: "ENVIRONMENT", title: "获评“美丽庭院”", description: "每季度评比，院落整洁、绿化美化好。", points: 10, capPeriod: "YEAR", capCount: 4 },
  { code: "F03", category: "ENVIRONMENT", title: "门前三包落实到位", description: "包卫生、包秩序、包绿化，每月检查合格。", points: 2, capPeriod: "MONTH", capCount: 1 },
  { code: "F04", category: "ENVIRONMENT", title: "参加人居环境整治、清扫街巷", description: "参加村组织的人居环境整治、街巷清扫。", points: 2, capPeriod: "MONTH", capCount: 4 },
  { code: "F05", category: "ENVIRONMENT", title: "乱堆乱放", description: "柴草、杂物、建材在公共区域乱堆乱放，经提醒不改。", points: -5, evidenceRequired: true },
  { code: "F06", category: "ENVIRONMENT", title: "乱倒垃圾、污水", description: "向河道、沟渠、路边倾倒垃圾或污水。", points: -5, evidenceRequired: true },
  { code: "F07", category: "ENVIRONMENT", title: "焚烧秸秆、垃圾", description: "露天焚烧秸秆、垃圾。", points: -20, evidenceRequired: true },
  { code: "F08", category: "ENVIRONMENT", title: "畜禽散养污染环境", description: "畜禽散养、粪污乱排影响邻里和公共环境。", points: -5 },

  // 平安建设
  { code: "G01", category: "SAFETY", title: "参与矛盾调解", description: "协助村调委会调解邻里、家庭矛盾纠纷。", points: 5, capPeriod: "MONTH", capCount: 4 },
  { code: "G02", category: "SAFETY", title: "参加平安巡逻、义务巡防", description: "参加夜间巡逻、防汛防火值守等义务巡防。", points: 3, capPeriod: "MONTH", capCount: 4 },
  { code: "G03", category: "SAFETY", title: "提供违法犯罪线索经查实", description: "向公安机关或村委会提供涉黑涉恶、电信诈骗等违法犯罪线索，经查实。", points: 20, evidenceRequired: true },
  { code: "G04", category: "SAFETY", title: "安装反诈APP、参加反诈宣传", description: "家庭成员安装国家反诈中心APP并参加反诈宣传。", points: 2, capPeriod: "YEAR", capCount: 1 },
  { code: "G05", category: "SAFETY", title: "参加消防、防汛应急演练", description: "参加村里组织的消防、防汛应急演练。", points: 2, capPeriod: "YEAR", capCount: 2 },
  { code: "G06", category: "SAFETY", title: "电动车违规充电、私拉电线", description: "楼道、室内给电动车充电或私拉电线，经劝阻不改。", points: -10, evidenceRequired: true },
  { code: "G07", category: "SAFETY", title: "酒后驾驶、无证驾驶", description: "被交警部门查处的酒驾、无证驾驶。", points: -30 },

  // 随手拍
  { code: "H01", category: "REPORT", title: "随手拍上报隐患被采纳", description: "用随手拍上报安全隐患、矛盾苗头等，经网格员核实采纳。", points: 2, capPeriod: "MONTH", capCount: 10, evidenceRequired: true },
  { code: "H02", category: "REPORT", title: "随手拍上报环境卫生问题被采纳", description: "上报乱堆乱放、垃圾堆积、路灯损坏等问题，经网格员核实采纳。", points: 1, capPeriod: "MONTH", capCount: 10, evidenceRequired: true },
  { code: "H03", category: "REPORT", title: "上报重大隐患避免事故", description: "及时上报山体滑坡、房屋险情、火情等重大隐患，避免了事故发生。", points: 10, evidenceRequired: true },
  { code: "H04", category: "REPORT", title: "虚假上报、恶意举报", description: "故意上报虚假信息或恶意举报他人，经查实。", points: -5 },

  // 其他
  { code: "Z01", category: "OTHER", title: "子女考取全日制本科", description: "家庭成员当年考取全日制普通本科院校。", points: 10, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "Z02", category: "OTHER", title: "按时缴纳医保、养老保险", description: "全家按时缴纳城乡居民医保、养老保险。", points: 3, capPeriod: "YEAR", capCount: 1 },
  { code: "Z03", category: "OTHER", title: "家庭成员参军入伍", description: "当年家庭成员应征入伍。", points: 20, capPeriod: "YEAR", capCount: 1, evidenceRequired: true },
  { code: "Z04", category: "OTHER", title: "获得县级以上表彰", description: "家庭成员获得县级以上荣誉表彰。", points: 20, evidenceRequired: true },
  { code: "Z05", category: "OTHER", title: "弄虚作假骗取积分", description: "虚报事由、冒名顶替等骗取积分，除追回积分外另扣分。", points: -50 },
];
