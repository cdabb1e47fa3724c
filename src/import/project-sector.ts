// The sector of a drafted project, from the words of its list's label, its section or its own name.

const SECTORS: [RegExp, string][] = [
  [/生态|环保|污水|治理|修复|垃圾|固废|流域|库岸|雨污|黑臭/, 'environment'],
  [/水利|水库|供水|水厂|水网|灌区|提灌/, 'water'],
  [/光伏|电网|输变电|千伏|燃气|天然气|充电|储能|风电|热电|能源项目|^能源$/, 'energy'],
  [/民生|社会|教育|学校|小学|中学|幼儿园|医院|卫生|医疗|养老|托育|文化|体育|图书馆|博物馆|党校|安置|保障性/, 'social'],
  [/农业|乡村|粮|茶|果|蔬|畜|养殖|种植|田园|渔/, 'agriculture'],
  [/服务业|商贸|物流|旅游|文旅|酒店|商业|金融|总部|会展|市场|电商/, 'services'],
  [/产业|工业|制造|生产|基地|新材料|园区|技改|产能|生物医药/, 'industry'],
  [/交通|公路|高铁|铁路|高速|大道|道路|路网|港口|港区|码头|大桥|桥梁|隧道|机场|枢纽|连接道|干道|路(?:段|工程)?$/, 'transport'],
  [/城建|城市|城中村|老旧小区|旧城|棚户|片区|公园|停车/, 'urban'],
];

/** The sector the first of `texts` to say one names; industry when none does. */
export function sectorOf(...texts: string[]): string {
  for (const text of texts) for (const [pattern, sector] of SECTORS) if (pattern.test(text)) return sector;
  return 'industry';
}
