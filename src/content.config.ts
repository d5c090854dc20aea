/**
 * Every collection. The field rules live in lib/schema.ts, shared with `npm run check`;
 * here references become Astro's reference(), so entries join in data.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { makeSchemas } from './lib/schema.ts';
import { milestoneLoader } from './lib/milestone-loader.ts';
import { contentDir } from './site.ts';

const s = makeSchemas((collection) => reference(collection));

/**
 * Astro's glob loader, except that a plain-Markdown entry, rendered at sync, does not keep its raw
 * body: the content layer's store becomes a module of the build, and at 5,000 articles the bodies
 * made it ~30% larger for nothing (pages use the rendered HTML; see lib/reading-time.ts). MDX
 * entries keep theirs: they are rendered later, from it.
 */
type StoredEntry = Parameters<Parameters<Loader['load']>[0]['store']['set']>[0];
function withoutMarkdownBodies(loader: Loader): Loader {
  return {
    name: `${loader.name}-without-markdown-bodies`,
    load: (context) =>
      loader.load({
        ...context,
        store: new Proxy(context.store, {
          get(target, key) {
            if (key === 'set')
              return (entry: StoredEntry) => {
                if (!entry.rendered) return target.set(entry);
                const { body: _, ...rest } = entry;
                return target.set(rest);
              };
            const value = Reflect.get(target, key, target) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
      }),
  };
}

export const collections = {
  articles: defineCollection({ loader: withoutMarkdownBodies(glob({ pattern: '**/*.{md,mdx}', base: `${contentDir}/articles` })), schema: s.article }),
  labs: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/labs` }), schema: s.lab }),
  models: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/models` }), schema: s.model }),
  people: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/people` }), schema: s.person }),
  authors: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/authors` }), schema: s.author }),
  topics: defineCollection({ loader: file(`${contentDir}/topics.yaml`), schema: s.topic }),
  milestones: defineCollection({ loader: milestoneLoader(`${contentDir}/milestones`), schema: s.milestone }),
};
