// The names of a project list: split on 、 and ； (and 和 between two whole names), cleaned of list words, kept when they read as a name.

export interface Named {
  name: string;
  /** Where the name starts in the list's text. */
  at: number;
}

/** How a project's name ends: the thing built, or the works done. */
const FACILITY =
  '高铁|铁路|高速|公路|大道|路|街|巷|道|桥|隧道|码头|泊位|港|母港|作业区|枢纽|中心|基地|园区|园|厂|站|库|仓|馆|院|学校|校区|小学|中学|幼儿园|' +
  '平台|系统|线|环|管廊|管网|管道|段|片区|小镇|公园|广场|装置|生产线|电场|城|村|楼|房|家园|故居|庄园|堂|宿舍|综合体|场|地块|景区|旅游区|度假区';
const WORKS = '工程|项目|改造|建设|扩建|迁建|改建|新建|搬迁|整治|治理|修复|提升|扩能|技改|扩容|改直|[一二三四五六七八九十\\d]期';
const QUALIFIER = '(?:[(（][^()（）]*[)）])?$';
const PROJECT_END = new RegExp(`(?:${FACILITY}|${WORKS})${QUALIFIER}`);
/** A facility, not a programme of works ("城市景观提升工程" is one). */
const FACILITY_END = new RegExp(`(?:${FACILITY})${QUALIFIER}`);

/** A whole district, a tier of government or an unnamed batch: a scope or a kind, not one project. */
const SCOPE = /^(?:全国|全市|全区|全域|国家级|省级|市级|区级|重大|一批|一个|各类|各|相关|其他|有关)/;
/** A count, an area or an amount ends a value, not a name ("小微停车场11个"). */
const VALUE = /\d+(?:\.\d+)?[万亿]?余?(?:个|座|条|家|所|户|名|项|处|台|套|公里|千米|米|平方米|亩|吨|人)?(?:以上|左右)?$|亿元|万元|%/;
/** Projects counted, not named: "重点项目", "128个重点项目". */
const GENERIC = /^(?:\d+个)?(?:重点|重大|在建|新建|续建|新开工|竣工|前期)?(?:项目|工程)$|^(?:更新|提质|升级|改造|建设|整治|治理)+$/;
/** A clause, not a name: it opens with a verb of policy ("推进现代化都市田园乡村", "紧盯国家工业版本馆"). */
const POLICY = /^(?:\d+[.．、](?!\d)|第[一二三四五六七八九十]+[篇章节]|[和及与]|每年|有条件|继续|鼓励|拓展|扩面|完成|实施|开工|竣工|建成|投用|推进|推动|加快|加强|持续|紧盯|保障(?!性)|有力|全力|深度|深入|抓好|支持|运营|完善|提升|促进|开展|做好|强化|打造|构建|建立|健全|争取|聚焦|围绕|依托|坚持|深化|积极|大力|着力|以)/;
/** Work before building: a plan, a study, a reform ("钓鱼嘴片区投融资论证", "“两新”工作"). */
const NOT_BUILT = /(?:论证|规划|编制|研究|策划|工作|改革|任务)$/;
/** A programme named by its slogan ("“五名”工程"), slogans ("“尚义大渡口、宜居宜业城”"), a remark in brackets: not a project. */
const PROGRAMME = /^“[^“”]+”(?:工程|项目|行动|计划)$|^“[^“”]*[、，,][^“”]*”$|^(?:“[^“”]+”){2,}$|^[（(][^（）()]*[）)]$/;
/** "国内首条", "全市首个": a claim about the project, not its name. */
const FIRST = /^(?:国内|全国|全市|全区|市内|区内)?首(?:个|条|套|座|家|台)/;

/**
 * The names of a list: split on 、 ； ; and 以及 outside brackets and quotes (not between numbers: "12、13号泊位", "一、二期"),
 * and on 和 when the words before it end a project's name ("…中心和综合管控平台", not "恒泰河和苎溪河…").
 */
export function splitNames(list: string, from = 0): Named[] {
  const pieces: Named[] = [];
  let depth = 0;
  let start = 0;
  const cut = (end: number, next: number) => {
    pieces.push({ name: list.slice(start, end), at: from + start });
    start = next;
  };
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if ('（(【“'.includes(c)) depth++;
    else if ('）)】”'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    // "12、13号泊位", "迁建一、二期": numbers listed inside one name.
    const numbers = /\d/.test(list[i - 1] ?? '') ? /^\d/.test(list.slice(i + 1)) : /[一二三四五六七八九十]$/.test(list.slice(0, i)) && /^[一二三四五六七八九十]+期/.test(list.slice(i + 1));
    if ('；;'.includes(c) || (c === '、' && !numbers)) cut(i, i + 1);
    else if (list.startsWith('以及', i)) cut(i, i + 2);
    else if (c === '和' && i - start >= 4 && list.length - i > 4 && PROJECT_END.test(list.slice(start, i))) cut(i, i + 1);
  }
  cut(list.length, list.length);
  return pieces.map(cleanName).filter((n): n is Named => n !== undefined);
}

/** A name with its list words (a closing 等, a full stop, a "首个" claim) left off, or undefined when it is no name. */
export function cleanName(piece: Named): Named | undefined {
  const bare = piece.name.replace(/^(?:\[bookmark:[^\]]*\]|★)/, '');
  const lead = piece.name.length - bare.length + (FIRST.exec(bare)?.[0].length ?? 0);
  const printed = piece.name.slice(lead).replace(/[等。.，,]+$/, '');
  if (PROGRAMME.test(printed)) return undefined;
  const name = printed
    .replace(/^“([^“”]+)”$/, '$1')
    // A remark after the name, not part of it: "(二纵,通过经开大道接万忠高速北线)", "(一横)".
    .replace(/[(（](?:[^()（）]*[,，][^()（）]*|[一二三四五六七八九十]+[横纵])[)）]$/, '');
  if (name.length < 3 || name.length > 60 || /[，,。：:]/.test(name) || VALUE.test(name) || GENERIC.test(name)) return undefined;
  if (POLICY.test(name) || NOT_BUILT.test(name) || /等\d|等[^、]{0,12}项目.|参与|推动|推进/.test(name)) return undefined;
  return { name, at: piece.at + lead };
}

/**
 * Whether a name printed without a list word around it (no 等项目) still reads as one project's name: it ends in
 * what is built or done, is not of a whole tier ("市级区域医疗中心"), and works of the whole town or country
 * ("城乡污水治理", "城市电网恢复改造") name a facility.
 */
export function namesAProject(name: string): boolean {
  return PROJECT_END.test(name) && !SCOPE.test(name) && (!/^(?:城乡|农村|城市|镇乡|城区)/.test(name) || FACILITY_END.test(name));
}
