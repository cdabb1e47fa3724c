// JSON Schemas of briefing.yaml and the YAML data files, built from the same lists the loader checks against.
import { FORMATS, LANG_MODES } from '../output-options.js';
import { CATEGORIES, DIRECTIONS, MEASURES, NATURES } from '../data/types.js';

const bilingual = {
  zh: { type: 'string', description: 'Chinese' },
  en: { type: 'string', description: 'English' },
};
const pair = { type: 'object', properties: bilingual, required: ['zh', 'en'], additionalProperties: false };
const listOf = (title: string, item: object) => ({ $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'array', items: item });
const year = { type: 'integer', minimum: 1900, maximum: 2100 };

const documentEntry = {
  oneOf: [
    { type: 'object', description: "A district's annual briefing", properties: { district: { type: 'string' }, year }, required: ['district', 'year'], additionalProperties: false },
    { type: 'object', description: 'A memo comparing districts in one year', properties: { compare: { type: 'array', items: { type: 'string' }, minItems: 2 }, year }, required: ['compare', 'year'], additionalProperties: false },
  ],
};

/** Schema file name → schema. */
export const SCHEMAS: Record<string, object> = {
  'briefing.schema.json': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'briefing.yaml: the settings of a briefing project',
    type: 'object',
    additionalProperties: false,
    properties: {
      districts: { type: 'array', items: { type: 'string' }, description: 'District ids the project reports on (from data/districts.yaml); the default of `briefing compare`' },
      languages: { type: 'array', items: { enum: [...LANG_MODES] }, description: 'Language modes: zh, en, zh-en (both, paired)' },
      formats: { type: 'array', items: { enum: [...FORMATS] } },
      date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date printed on every document (YYYY-MM-DD)' },
      documents: { type: 'array', items: documentEntry, description: 'The documents `briefing build` makes' },
      output: { type: 'string', description: 'Output folder, relative to the project (default: output)' },
      data: { type: 'string', description: 'Data folder (default: data)' },
      templates: { type: 'string', description: 'Templates folder (default: templates/ when present, else the bundled templates)' },
      fonts: { type: 'string', description: 'Fonts folder (default: fonts/ when present, else the bundled fonts)' },
      styles: { type: 'string', description: 'Style settings file (default: styles.yaml when present)' },
      state: { type: 'string', description: 'Build state file (default: build-state.json)' },
    },
  },
  'districts.schema.json': listOf('data/districts.yaml', {
    type: 'object', additionalProperties: false, required: ['id', 'zh', 'en', 'short'],
    properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' }, ...bilingual, short: pair },
  }),
  'documents.schema.json': listOf('data/documents.yaml', {
    type: 'object', additionalProperties: false, required: ['id', 'district', 'file', 'kind', 'date', 'zh', 'en', 'short'],
    properties: {
      id: { type: 'string' }, district: { type: 'string' }, file: { type: 'string', description: 'The source text, under data/sources/' },
      kind: { type: 'string', description: 'e.g. plan_report, government_work_report, five_year_plan' },
      date: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }, ...bilingual, short: pair, publisher: pair,
    },
  }),
  'units.schema.json': listOf('data/units.yaml', {
    type: 'object', additionalProperties: false, required: ['id'],
    properties: { id: { type: 'string', description: 'The unit as the sources write it' }, ...bilingual },
  }),
  'indicators.schema.json': listOf('data/indicators.yaml', {
    type: 'object', additionalProperties: false, required: ['id', 'zh', 'en', 'unit', 'measure', 'direction', 'nature', 'category'],
    properties: {
      id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' }, ...bilingual,
      aliases: { type: 'array', items: { type: 'string' } },
      unit: { type: 'string', description: 'A unit id from data/units.yaml' },
      measure: { enum: [...MEASURES] }, direction: { enum: [...DIRECTIONS] }, nature: { enum: [...NATURES] }, category: { enum: [...CATEGORIES] },
      parent: { type: 'string' }, concept: { type: 'string' },
    },
  }),
  'phrases.schema.json': listOf('data/phrases.yaml', { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: bilingual }),
};

/** The schema a data file under data/ follows, by its path relative to data/. */
export function schemaFor(dataFile: string): string | undefined {
  if (dataFile.startsWith('indicators')) return 'indicators.schema.json';
  const name = `${dataFile.replace(/\.yaml$/, '')}.schema.json`;
  return name in SCHEMAS ? name : undefined;
}

export const schemaText = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
