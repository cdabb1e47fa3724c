// A briefing with 10,000 more projects than the bundled data: every one listed once, counted right, the same bytes twice.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDataset } from '../src/data/load.js';
import { renderBriefing } from '../src/pipeline.js';
import { pdfText, scratchData, workspace } from './helpers.js';

const EXTRA = 10_000;
const SECTORS = ['industry', 'transport', 'water', 'urban', 'energy', 'social'];

/** The bundled data with EXTRA Wanzhou 2024 projects, each quoted on a line of its own added to the report's text. */
function dataWithProjects(): string {
  const data = scratchData();
  const source = join(data, 'sources', '000_0798edd91b3d5539.txt');
  const text = readFileSync(source, 'utf8');
  const first = text.split('\n').length + (text.endsWith('\n') ? 0 : 1);
  const names = Array.from({ length: EXTRA }, (_, i) => `测试项目${i + 1}号厂房建设`);
  appendFileSync(source, `${text.endsWith('\n') ? '' : '\n'}${names.join('\n')}\n`);
  writeFileSync(join(data, 'projects', 'zz-many.csv'), ['district,year,sector,status,zh,en,doc,line',
    ...names.map((zh, i) => `wanzhou,2024,${SECTORS[i % SECTORS.length]},completed,${zh},Test project ${i + 1} plant construction,wanzhou-plan-2024,${first + i}`)].join('\n'));
  return data;
}

test(`${EXTRA.toLocaleString('en-US')} more projects: each listed once in the annex, the counts in the key projects table, the same bytes twice`, async () => {
  const data = loadDataset(dataWithProjects());
  const ws = { ...workspace(), data };
  const request = { district: 'wanzhou', year: 2024, langs: ['zh' as const], formats: ['pdf' as const], outDir: 'output', date: '2025-01-13' };
  const [pdf] = await renderBriefing(ws, request);
  // The list runs over many pages: the running header and the page number between its pages are left out.
  const text = pdfText(pdf!.data).replace(/\s+/g, '').replace(/万州区2024年经济社会发展简报第\d+页\/共\d+页/g, '');
  const listed = [...text.matchAll(/测试项目(\d+)号厂房建设/g)].map((m) => Number(m[1]));
  assert.equal(new Set(listed).size, EXTRA, 'every added project is listed');
  assert.equal(listed.length, EXTRA + 1, 'each once in the annex, and the first also as its sector\'s example');
  // The key projects table: 2024 projects of industry, the bundled ones and a sixth of those added.
  const bundled = data.projects.filter((p) => p.district === 'wanzhou' && p.year === 2024 && p.sector === 'industry' && !p.name.zh.startsWith('测试项目')).length;
  const industry = bundled + Math.ceil(EXTRA / SECTORS.length);
  assert.ok(new RegExp(`产业发展${industry}\\d`).test(text), `industry's count for 2024, ${industry}, in the key projects table`);
  const total = data.projects.filter((p) => p.district === 'wanzhou' && p.year === 2024 && data.documents.get(p.source.doc)!.kind !== 'five_year_plan').length;
  assert.ok(text.includes(`2024年列明的重点项目共${total}个`), `the count of every 2024 project, ${total}`);
  const [again] = await renderBriefing(ws, request);
  assert.ok(again!.data.equals(pdf!.data), 'the same inputs give the same bytes');
});
