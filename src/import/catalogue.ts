// The indicator catalogue as the importer sees it: names and aliases mapped to ids, nothing else from the data.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlList } from '../data/read-files.js';

export interface CatalogueEntry {
  id: string;
  zh: string;
  unit: string;
  measure: string;
  concept: string;
  /** zh and the aliases. */
  names: string[];
}

/** Names as printed mapped to catalogue entries; built from `zh` and `aliases` of every indicator. */
export interface Catalogue {
  entries: CatalogueEntry[];
  /** Normalised name → entry. */
  byName: Map<string, CatalogueEntry>;
  /** Unit ids of units.yaml, longest first. */
  units: string[];
}

/** Growth words a name may end with; all mean the same rate. */
const GROWTH_ENDING = /(年均增长率|年均增速|年均增长|增长率|增速|增幅|增长)$/;

/** A printed indicator name in comparable form: width-normalised, no spaces, marks or trailing unit, one word for growth. */
export function nameKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u3000"“”'‘’]+/g, '').replace(/^[*#＃※]+|[*＊※]+$/g, '').replace(/[【】]/g, '');
  s = s.replace(/\(([^()]*)\)?$/, (_m, inner: string) => {
    const kept = inner.split(/[,，;；]/).filter((part) => /年价|累计|口径|标准/.test(part));
    return kept.length ? `(${kept.join(',')})` : '';
  });
  s = s.replace(/GDP/g, '地区生产总值').replace(/的比重$/, '比重').replace(/占比$/, '比重');
  return s.replace(GROWTH_ENDING, (m) => (m.startsWith('年均') ? '年均增速' : '增速'));
}

/** The unit written in a name's parentheses ("地区生产总值增速（%）" → "%"), if any. */
export function unitInName(name: string, units: readonly string[]): string | undefined {
  const inner = /[(（]([^()（）]*)[)）]?\s*$/.exec(name.normalize('NFKC').replace(/\s+/g, ''))?.[1];
  if (!inner) return undefined;
  return inner.split(/[,，]/).map((p) => p.trim()).find((p) => units.includes(p));
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

export function loadCatalogue(dataDir: string): Catalogue {
  const files = ['indicators.yaml', ...yamlFiles(join(dataDir, 'indicators')).map((f) => `indicators/${f}`)];
  const entries: CatalogueEntry[] = [];
  const byName = new Map<string, CatalogueEntry>();
  for (const file of files) {
    for (const rec of readYamlList(join(dataDir, file), `data/${file}`)) {
      const id = rec.get('id');
      if (!id) continue;
      const zh = rec.get('zh') ?? '';
      const entry = { id, zh, unit: rec.get('unit') ?? '', measure: rec.get('measure') ?? '', concept: rec.get('concept') ?? id, names: [zh, ...rec.list('aliases')] };
      entries.push(entry);
      for (const name of entry.names) {
        const key = nameKey(name);
        if (key && !byName.has(key)) byName.set(key, entry);
      }
    }
  }
  const units = readYamlList(join(dataDir, 'units.yaml'), 'data/units.yaml')
    .map((rec) => rec.get('id') ?? '')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return { entries, byName, units };
}

/** The catalogue entry a printed name stands for, trying it with and without a parenthesised qualifier. */
export function lookupName(catalogue: Catalogue, name: string): CatalogueEntry | undefined {
  const key = nameKey(name);
  return catalogue.byName.get(key) ?? catalogue.byName.get(key.replace(/\([^()]*\)$/, ''));
}

/** A proposed id for a name the catalogue lacks: stable, ASCII, readable enough to review. */
export function proposedId(name: string): string {
  let hash = 0x811c9dc5;
  for (const c of nameKey(name)) hash = Math.imul(hash ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return `new_${hash.toString(16).padStart(8, '0')}`;
}
