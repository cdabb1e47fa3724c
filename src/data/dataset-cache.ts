// A cache of loaded datasets keyed by the bytes of every data file and of the loader: parsing is done once per change.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { MAX_FILE_BYTES } from './read-files.js';
import type { Dataset } from './types.js';

const CACHE_DIR = join(tmpdir(), 'briefing-cache');
/** Entries kept; the oldest beyond this are removed when a new one is written. */
const KEEP = 16;
const LOADER_DIR = dirname(fileURLToPath(import.meta.url));

/** Every file under `dir`; undefined when one is not a plain readable file (a FIFO, a device, too large): the loader reports it. */
function filesUnder(dir: string): string[] | undefined {
  const files: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isDirectory()) continue;
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    files.push(join(dir, name));
  }
  return files.sort();
}

/** What the dataset depends on: every file under the data folder (name and bytes) and the loader's own code. */
function fingerprint(dataDir: string): string | undefined {
  const hash = createHash('sha256');
  for (const root of [dataDir, LOADER_DIR]) {
    const files = filesUnder(root);
    if (!files) return undefined;
    for (const f of files) if (root === dataDir || f.endsWith('.js')) hash.update(`${relative(root, f)}\0`).update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

/** Returns the dataset `read` would load from `dataDir`, from the cache when no input changed; errors are never cached. */
export function cachedDataset(dataDir: string, read: (dataDir: string) => Dataset): Dataset {
  let key: string | undefined;
  try {
    key = fingerprint(dataDir);
  } catch {
    // A data folder that cannot be listed: the loader reports it.
  }
  if (key === undefined) return read(dataDir);
  const file = join(CACHE_DIR, `${key}.v8`);
  try {
    return deserialize(readFileSync(file)) as Dataset;
  } catch {
    // No entry yet, or an unreadable one.
  }
  const data = read(dataDir);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(data));
    renameSync(temp, file);
    const entries = readdirSync(CACHE_DIR).filter((f) => f.endsWith('.v8')).map((f) => join(CACHE_DIR, f));
    for (const old of entries.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).slice(KEEP)) rmSync(old, { force: true });
  } catch {
    // A cache that cannot be written only costs time.
  }
  return data;
}
