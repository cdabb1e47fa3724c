// Where a benchmarked command spends its CPU: V8 profiles of all its threads, summed by library or by stage of our own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  where: string;
  ms: number;
}

/** What a sample is spent on: a package, a folder of our own code, module loading, garbage collection, or the rest. */
function placeOf({ functionName, url }: ProfileNode['callFrame']): string | undefined {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (/^(compileSourceTextModule|wrapSafe|compileFunction)$/.test(functionName) || /node:internal\/modules/.test(url)) return 'loading modules';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/dist\/(?:src\/)?([^/]+)\/(?:[^/]+\/)*[^/]+\.js$/.exec(url);
  if (ours) return `briefing ${ours[1]}`;
  if (/\/dist\/src\/[^/]+\.js$/.test(url)) return 'briefing';
  return 'node and V8';
}

/** Self time by place, summed over every profile in `dir` (a build writes one per thread), largest first. */
export function cpuShares(dir: string): Share[] {
  const totals = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const places = new Map(profile.nodes.map((n) => [n.id, placeOf(n.callFrame)]));
    profile.samples.forEach((id, i) => {
      const place = places.get(id);
      if (place) totals.set(place, (totals.get(place) ?? 0) + profile.timeDeltas[i]! / 1000);
    });
  }
  return [...totals].map(([where, ms]) => ({ where, ms: Math.round(ms) })).sort((a, b) => b.ms - a.ms);
}

/** The largest shares as one line: "docx 41%, pdfmake 14%, …". */
export function sharesLine(shares: Share[], count = 6): string {
  const total = shares.reduce((sum, s) => sum + s.ms, 0) || 1;
  return shares.slice(0, count).map((s) => `${s.where} ${Math.round((100 * s.ms) / total)}%`).join(', ');
}
