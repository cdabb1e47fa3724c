// What the command line itself says (not data diagnostics), in English and in Chinese; the locale chooses.
import { localeIsChinese } from '../locale.js';
type Text = (...args: string[]) => string;

const en = {
  noProject: (dir: string) => `no briefing.yaml in ${dir} or any folder above it. Start a project with "briefing init", or pass --project DIR.`,
  projectExists: (path: string) => `${path} already exists: init writes nothing into an existing project.`,
  initDone: (dir: string, cd: string) => `New briefing project in ${dir}\n\nNext:\n${cd}  briefing build          # every document in briefing.yaml, into output/\n  briefing indicators     # what can be filled in\n`,
  ejectDone: (dir: string) => `Copied the bundled templates to ${dir}; they are used instead of the bundled ones from now on.\n`,
  ejectExists: (dir: string) => `${dir} already exists: eject writes nothing over your own templates.`,
  didYouMean: (suggestion: string) => `Did you mean ${suggestion}?`,
  seeHelp: () => `Run "briefing --help" for usage.`,
  noYearWithResults: (district: string) => `${district} has no year with published results`,
  noCommonYear: (districts: string) => `${districts} have no year in which all of them published results`,
  fewDistricts: () => `name two or more districts, or list them under "districts:" in briefing.yaml`,
  built: (built: string, skipped: string) => `built ${built}, skipped ${skipped} unchanged`,
  dataOk: (o: string, p: string, i: string, d: string) => `data OK: ${o} observations, ${p} projects, ${i} indicators, ${d} source documents`,
  draftsAwaitReview: (o: string, p: string) => `${o} draft values and ${p} draft projects await review (flagged draft; no document shows them)`,
  fixed: (n: string) => `fixed ${n} value(s)`,
  nothingToFix: () => `nothing to fix`,
  notListOf: (name: string, value: string, allowed: string) => `--${name} "${value}" is not one of: ${allowed}`,
  badDate: (value: string) => `--date "${value}" is not YYYY-MM-DD`,
  xlsxNeedsOut: () => `--format xlsx writes a workbook: give a file with --out, e.g. --out observations.xlsx`,
  unchangedEdition: (key: string, edition: string) => `${key}: edition ${edition} is current (its inputs have not changed); nothing written`,
  issuedEdition: (key: string, edition: string, kind: string) => `${key}: edition ${edition} (${kind})`,
  archivedEditions: (dir: string) => `previous edition kept in ${dir}`,
  previewNote: (key: string, edition: string) => `${key}: preview of edition ${edition}; editions and the output folder are untouched`,
  noHistory: (doc: string, published: string) => (published ? `no published document is called "${doc}"; published: ${published}` : `no document${doc ? ` "${doc}"` : ''} has been published yet (run "briefing build")`),
} satisfies Record<string, Text>;

const zh: Record<keyof typeof en, Text> = {
  noProject: (dir) => `在 ${dir} 及其上级文件夹中找不到 briefing.yaml。用 "briefing init" 新建项目，或用 --project 指定项目文件夹。`,
  projectExists: (path) => `${path} 已存在：init 不会写入已有项目。`,
  initDone: (dir, cd) => `已在 ${dir} 新建简报项目\n\n下一步：\n${cd}  briefing build          # 生成 briefing.yaml 中的全部文档，输出到 output/\n  briefing indicators     # 可填写的指标\n`,
  ejectDone: (dir) => `已将内置模板复制到 ${dir}；此后使用这些模板。\n`,
  ejectExists: (dir) => `${dir} 已存在：eject 不会覆盖您自己的模板。`,
  didYouMean: (suggestion) => `您是不是要用 ${suggestion}？`,
  seeHelp: () => `运行 "briefing --help" 查看用法。`,
  noYearWithResults: (district) => `${district} 没有任何年份的实际数据`,
  noCommonYear: (districts) => `${districts} 没有共同发布实际数据的年份`,
  fewDistricts: () => `请给出两个或以上区县，或在 briefing.yaml 的 "districts:" 中列出`,
  built: (built, skipped) => `已生成 ${built} 个，跳过未变化的 ${skipped} 个`,
  dataOk: (o, p, i, d) => `数据无误：${o} 个数值，${p} 个项目，${i} 个指标，${d} 份来源文件`,
  draftsAwaitReview: (o, p) => `${o} 个草稿数值、${p} 个草稿项目待审核（标记为 draft，文档不显示）`,
  fixed: (n) => `已修复 ${n} 处`,
  nothingToFix: () => `无需修复`,
  notListOf: (name, value, allowed) => `--${name} "${value}" 不在可选值中：${allowed}`,
  badDate: (value) => `--date "${value}" 不是 YYYY-MM-DD 格式`,
  xlsxNeedsOut: () => `--format xlsx 生成工作簿：请用 --out 指定文件，例如 --out observations.xlsx`,
  unchangedEdition: (key, edition) => `${key}：第${edition}版为当前版本（输入未变）；未写入任何文件`,
  issuedEdition: (key, edition, kind) => `${key}：第${edition}版（${kind === 'correction' ? '更正' : kind === 'update' ? '更新' : kind === 'first edition' ? '首版' : kind}）`,
  archivedEditions: (dir) => `前一版本保存在 ${dir}`,
  previewNote: (key, edition) => `${key}：第${edition}版预览；未改动版本记录和输出文件夹`,
  noHistory: (doc, published) => (published ? `没有名为“${doc}”的已发布文档；已发布：${published}` : `${doc ? `“${doc}”` : '尚无文档'}尚未发布（请运行 "briefing build"）`),
};

export type CliMessage = keyof typeof en;


export function say(key: CliMessage, ...args: (string | number)[]): string {
  return (localeIsChinese() ? zh : en)[key](...args.map(String));
}
