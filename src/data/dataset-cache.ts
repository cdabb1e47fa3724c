// A cache of loaded datasets keyed by the bytes of every data file and of the loader: parsing is done once per change.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Dataset } from './types.js';

const CACHE_DIR = join(tmpdir(), 'briefing-cache');
/** Entries kept; the oldest beyond this are removed when a new one is written. */
const KEEP = 16;
const LOADER_DIR = dirname(fileURLToPath(import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile()).sort();
}

/** What the dataset depends on: every file under the data folder (name and bytes) and the loader's own code. */
function fingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  for (const [root, files] of [[dataDir, filesUnder(dataDir)], [LOADER_DIR, filesUnder(LOADER_DIR).filter((f) => f.endsWith('.js'))]] as const) {
    for (const f of files) hash.update(`${relative(root, f)}\0`).update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

/** Returns the dataset `read` would load from `dataDir`, from the cache when no input changed; errors are never cached. */
export function cachedDataset(dataDir: string, read: (dataDir: string) => Dataset): Dataset {
  let file: string;
  try {
    file = join(CACHE_DIR, `${fingerprint(dataDir)}.v8`);
    return deserialize(readFileSync(file)) as Dataset;
  } catch {
    // No entry yet, an unreadable one, or a data folder that cannot be listed: read it (read reports the problems).
  }
  const data = read(dataDir);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${file!}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(data));
    renameSync(temp, file!);
    const entries = readdirSync(CACHE_DIR).filter((f) => f.endsWith('.v8')).map((f) => join(CACHE_DIR, f));
    for (const old of entries.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).slice(KEEP)) rmSync(old, { force: true });
  } catch {
    // A cache that cannot be written only costs time.
  }
  return data;
}
