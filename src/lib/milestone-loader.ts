/**
 * Milestones live in one YAML list per year (content/milestones/2025.yaml); Astro's file() loader
 * reads one file only. This loader reads them all and refuses duplicate ids, which a store would
 * otherwise overwrite without a word.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Loader } from 'astro/loaders';

export function milestoneLoader(dir: string): Loader {
  return {
    name: 'frontier-commons:milestones',
    load: async ({ store, parseData }) => {
      store.clear();
      const seen = new Map<string, string>();
      const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
      for (const name of files) {
        // Astro's store wants paths relative to the project root.
        const filePath = path.relative(process.cwd(), path.resolve(dir, name));
        let items: unknown;
        try {
          items = parse(await readFile(filePath, 'utf8'));
        } catch (e) {
          throw new Error(`${filePath}: invalid YAML: ${(e as Error).message}`, { cause: e });
        }
        if (!Array.isArray(items)) throw new Error(`${filePath}: must be a YAML list of milestones`);
        for (const [i, item] of items.entries()) {
          const id = (item as { id?: unknown })?.id;
          if (typeof id !== 'string') throw new Error(`${filePath}: milestone #${i + 1} has no id`);
          const before = seen.get(id);
          if (before) throw new Error(`${filePath}: duplicate milestone id "${id}" (also in ${before})`);
          seen.set(id, filePath);
          const data = await parseData({ id, data: item as Record<string, unknown>, filePath });
          store.set({ id, data, filePath });
        }
      }
    },
  };
}
