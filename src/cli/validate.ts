// The `validate` command's checks beyond loading: every data string against the font's character map.
import type { Diagnostic } from '../diagnostics.js';
import { checkGlyphs } from '../fonts/fonts.js';
import type { Workspace } from '../pipeline.js';

export function validateDataset(ws: Workspace): Diagnostic[] {
  const { data } = ws;
  const texts = [
    ...data.observations.map((o) => ({ text: o.text, place: { ...o.place, field: 'text' } })),
    ...data.projects.flatMap((p) => [
      { text: p.name.zh, place: { ...p.place, field: 'zh' } },
      { text: p.name.en, place: { ...p.place, field: 'en' } },
    ]),
    ...[...data.indicators.values()].flatMap((i) => [
      { text: i.name.zh, place: { file: 'data/indicators.yaml', field: `${i.id}.zh` } },
      { text: i.name.en, place: { file: 'data/indicators.yaml', field: `${i.id}.en` } },
    ]),
    ...[...data.documents.values()].flatMap((d) => [
      { text: d.title.zh + d.publisher.zh, place: { file: 'data/documents.yaml', field: `${d.id}.zh` } },
      { text: d.title.en + d.publisher.en, place: { file: 'data/documents.yaml', field: `${d.id}.en` } },
    ]),
    ...[...data.phrases.values()].map((en) => ({ text: en, place: { file: 'data/phrases.yaml' } })),
  ];
  return checkGlyphs(ws.fonts, texts);
}
