/**
 * In a static build, the content layer's store is loaded from a file when the pages render, not
 * bundled as one huge string literal (see lib/store-module.ts): ~10 s off every Astro build at 5,000
 * articles (BENCHMARKS.md, "Speed mechanisms kept"). No page changes: the store's text is the same.
 * Only for static output: the module reads a file of the build cache, which a server would not have.
 * If Astro ever writes the store module in another shape, it is left alone, with a warning.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { storeModuleReading, storeText } from '../lib/store-module.ts';
import { cacheRoot } from '../site.ts';

/** Astro's id for the module (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). */
const STORE_MODULE = '\0astro:data-layer-content';

export function contentStoreFromFile(): AstroIntegration {
  return {
    name: 'frontier-commons:content-store',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        if (config.output !== 'static') return;
        const file = path.resolve(cacheRoot, 'content-store.json');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'frontier-commons:content-store-from-file',
                apply: 'build',
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE || code.startsWith('export default new Map()')) return undefined;
                  const text = storeText(code);
                  if (text === undefined) {
                    this.warn(
                      'the content store module is not in the shape this plugin knows (an Astro upgrade?); left as it is, so the build loads it more slowly',
                    );
                    return undefined;
                  }
                  mkdirSync(path.dirname(file), { recursive: true });
                  writeFileSync(file, text);
                  return { code: storeModuleReading(file), map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
