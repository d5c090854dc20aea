/**
 * Every collection. The field rules live in lib/schema.ts, shared with `npm run check`;
 * here references become Astro's reference(), so entries join in data.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { makeSchemas } from './lib/schema.ts';
import { milestoneLoader } from './lib/milestone-loader.ts';
import { contentDir } from './site.ts';

const s = makeSchemas((collection) => reference(collection));

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir}/articles` }), schema: s.article }),
  labs: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/labs` }), schema: s.lab }),
  models: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/models` }), schema: s.model }),
  people: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir}/people` }), schema: s.person }),
  topics: defineCollection({ loader: file(`${contentDir}/topics.yaml`), schema: s.topic }),
  milestones: defineCollection({ loader: milestoneLoader(`${contentDir}/milestones`), schema: s.milestone }),
};
