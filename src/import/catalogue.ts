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
  /** Normalised name → entry (the first entry giving it). */
  byName: Map<string, CatalogueEntry>;
  /** Normalised name → every entry giving it, in catalogue order. */
  allByName: Map<string, CatalogueEntry[]>;
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
  const allByName = new Map<string, CatalogueEntry[]>();
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
        if (key && !allByName.get(key)?.includes(entry)) allByName.set(key, [...(allByName.get(key) ?? []), entry]);
      }
    }
  }
  const units = readYamlList(join(dataDir, 'units.yaml'), 'data/units.yaml')
    .map((rec) => rec.get('id') ?? '')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return { entries, byName, allByName, units };
}

/** What a table says about the name beside it: the unit it prints, and whether its values are five-year totals. */
export interface NameHints {
  unit?: string;
  /** A five-year plan's table: a name with a five-year cumulative variant ("实际利用外资（五年累计）") means that one. */
  cumulative?: boolean;
}

const cumulativeEntry = (e: CatalogueEntry) => e.names.some((n) => /累计/.test(n));

/**
 * The catalogue entry a printed name stands for, trying it with and without a parenthesised qualifier
 * and a counting word (人数); among entries of the same name, the one in the printed unit, and in a
 * five-year plan's table the five-year cumulative one.
 */
export function lookupName(catalogue: Catalogue, name: string, hints: NameHints = {}): CatalogueEntry | undefined {
  const key = nameKey(name);
  const bare = key.replace(/\([^()]*\)$/, '');
  const exact = catalogue.allByName.get(key) ?? catalogue.allByName.get(bare) ?? [];
  const candidates = [...new Set([...exact, ...(catalogue.allByName.get(bare.replace(/(人数|数量)$/, '')) ?? [])])];
  if (hints.cumulative) {
    const total = catalogue.allByName.get(`${bare}(五年累计)`)?.[0] ?? candidates.find(cumulativeEntry);
    if (total && (!hints.unit || total.unit === hints.unit)) return total;
  }
  if (hints.unit) {
    const inUnit = candidates.find((e) => e.unit === hints.unit);
    if (inUnit) return inUnit;
  }
  return exact[0] ?? candidates[0];
}

/** A proposed id for a name the catalogue lacks: stable, ASCII, readable enough to review. */
export function proposedId(name: string): string {
  let hash = 0x811c9dc5;
  for (const c of nameKey(name)) hash = Math.imul(hash ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return `new_${hash.toString(16).padStart(8, '0')}`;
}
