// `briefing init`: a new project folder with briefing.yaml, data (the bundled example or an empty skeleton), schemas and a README.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OBSERVATION_COLUMNS, PROJECT_COLUMNS } from '../data/load.js';
import { writeFilesAtomically } from '../write-atomic.js';
import { BUNDLED, PACKAGE_ROOT } from './bundled.js';
import { SETTINGS_FILE } from './discover.js';
import { schemaFor, SCHEMAS, schemaText } from './schemas.js';

export interface InitOptions {
  /** An empty data skeleton (with the bundled catalogue of indicators and units) instead of the example data. */
  empty?: boolean;
}

export interface InitFile {
  /** Relative to the project folder. */
  path: string;
  data: Buffer;
}

const EMPTY_SETTINGS = `# yaml-language-server: $schema=./schemas/briefing.schema.json
# A briefing project: the documents \`briefing build\` makes, and where their inputs and outputs are.
# Every key is explained in README.md.
districts: []          # e.g. [wanzhou, dadukou]: ids from data/districts.yaml
languages: [zh, en, zh-en]
formats: [pdf, docx]
output: output
documents: []
# documents:
#   - district: wanzhou
#     year: 2024
#   - compare: [wanzhou, dadukou]
#     year: 2024
`;

const EMPTY_DATA: Record<string, string> = {
  'districts.yaml': '# Districts: id, Chinese and English names.\n# - id: wanzhou\n#   zh: 万州区\n#   en: Wanzhou District\n#   short: { zh: 万州, en: Wanzhou }\n[]\n',
  'documents.yaml': '# Source documents; `file` is a text under data/sources/.\n# - id: wanzhou-plan-2024\n#   district: wanzhou\n#   file: wanzhou-plan-2024.txt\n#   kind: plan_report\n#   date: 2025-01-13\n#   zh: 关于……的报告\n#   en: Report on …\n#   short: { zh: 万州区2024年计划执行报告, en: Wanzhou 2024 plan report }\n#   publisher: { zh: 重庆市万州区发展和改革委员会, en: Wanzhou District Development and Reform Commission }\n[]\n',
  'sources/README.md': '# Source texts\n\nPut each source document here as UTF-8 text, one file per document, named as in `../documents.yaml`.\n',
  'observations/observations.csv': `\ufeff${[...OBSERVATION_COLUMNS, 'note_en'].join(',')}\n`,
  'projects/projects.csv': `\ufeff${PROJECT_COLUMNS.join(',')}\n`,
};

/** Files of the bundled data that an empty project keeps: the catalogue, the units and the phrase translations. */
const isCatalogue = (file: string) => file === 'units.yaml' || file === 'phrases.yaml' || file.startsWith('indicators');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** A YAML data file begins with a comment naming its schema, so that editors complete and check it. */
function withSchemaComment(dataFile: string, text: string): string {
  const schema = schemaFor(dataFile);
  if (!schema || text.startsWith('# yaml-language-server:')) return text;
  const up = '../'.repeat(dataFile.split('/').length);
  return `# yaml-language-server: $schema=${up}schemas/${schema}\n${text}`;
}

function folderReadme(empty: boolean): string {
  return readFileSync(join(PACKAGE_ROOT, 'docs', 'project-readme.md'), 'utf8')
    .replace('{{example}}', empty ? 'It starts empty: add districts, source documents and values under `data/`.' : 'It holds the bundled Chongqing data (Wanzhou, Dadukou, Fuling) as a working example: `briefing build` makes every document at once.');
}

/** Every file a new project holds, relative to its folder. */
export function projectFiles(options: InitOptions = {}): InitFile[] {
  const files: InitFile[] = [];
  const add = (path: string, text: string | Buffer) => files.push({ path, data: typeof text === 'string' ? Buffer.from(text) : text });
  add(SETTINGS_FILE, options.empty ? EMPTY_SETTINGS : readFileSync(join(PACKAGE_ROOT, SETTINGS_FILE), 'utf8'));
  add('README.md', folderReadme(Boolean(options.empty)));
  add('.gitignore', 'output/\n');
  for (const [name, schema] of Object.entries(SCHEMAS)) add(`schemas/${name}`, schemaText(schema));
  for (const file of filesUnder(BUNDLED.data)) {
    if (options.empty && !isCatalogue(file)) continue;
    const data = readFileSync(join(BUNDLED.data, file));
    add(`data/${file}`, file.endsWith('.yaml') ? withSchemaComment(file, data.toString('utf8')) : data);
  }
  if (options.empty) for (const [file, text] of Object.entries(EMPTY_DATA)) add(`data/${file}`, withSchemaComment(file, text));
  return files;
}

/** Writes a new project into `dir`; refuses, writing nothing, when any of its files already exists there. */
export function initProject(dir: string, options: InitOptions = {}): InitFile[] {
  const files = projectFiles(options);
  const clash = files.find((f) => existsSync(join(dir, f.path)));
  if (clash) throw new ProjectExistsError(relative(process.cwd(), join(dir, clash.path)) || clash.path);
  writeFilesAtomically(files.map((f) => ({ path: join(dir, f.path), data: f.data })));
  return files;
}

export class ProjectExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}
