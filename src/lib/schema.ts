/**
 * The content contract, as plain zod schemas. content.config.ts adds Astro's reference() on top;
 * scripts/check.ts uses these directly, so `npm run check` and the build judge content alike.
 * References are plain ids here and are resolved by lib/check.ts, which can name the line.
 */
import { z } from 'astro/zod';
import { isDay, isPartialDate, parsePartialDate } from './dates.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A lowercase ASCII kebab-case id: 'deepseek-r1'. */
export const id = () => z.string({ error: 'must be an id (lowercase kebab-case text)' }).regex(ID, 'must be lowercase ASCII kebab-case, like "deepseek-r1"');

/** A quoted 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. Unquoted YAML dates arrive as Date and are refused. */
export const partialDate = () =>
  z
    .string({
      error: (iss) =>
        iss.input instanceof Date
          ? `must be a quoted string, e.g. '${iss.input.toISOString().slice(0, 10)}' (unquoted YAML dates are silently rolled over, so they are refused)`
          : 'must be a quoted date string',
    })
    .superRefine((text, ctx) => {
      const parsed = parsePartialDate(text);
      if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
    });

/** A quoted 'YYYY-MM-DD' that is a real day. */
export const day = () => partialDate().refine((t) => !isPartialDate(t) || isDay(t), "must be a full day written 'YYYY-MM-DD'");

/**
 * A dated note on a published fact that changed: what was wrong and what is right. One definition
 * for articles, labs, models, people and milestones, listed together on /corrections/.
 */
export const correction = () => z.strictObject({ date: day(), note: text(1000) });
const corrections = () => z.array(correction()).default([]);

const url = () => z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const articleKinds = ['news', 'analysis', 'explainer', 'brief'] as const;
export const milestoneKinds = ['founding', 'model-release', 'paper', 'funding', 'policy', 'market', 'infrastructure', 'licence'] as const;
export const accessLevels = ['open-weights', 'open-source', 'api-only'] as const;
export const labTypes = ['lab', 'company', 'fund', 'nonprofit', 'government'] as const;
export const opennessLevels = ['open', 'restricted', 'closed', 'unknown'] as const;

/** The SPDX ids our models use, and whether the OSI approves each. A licence without an SPDX id is custom, so not OSI-approved. */
export const spdxLicences = {
  'Apache-2.0': { osi: true },
  MIT: { osi: true },
  'BSD-3-Clause': { osi: true },
  'GPL-3.0-only': { osi: true },
  'CreativeML-OpenRAIL-M': { osi: false },
  'BigScience-BLOOM-RAIL-1.0': { osi: false },
  'CC-BY-4.0': { osi: false },
  'CC-BY-NC-4.0': { osi: false },
} as const satisfies Record<string, { osi: boolean }>;
export type SpdxId = keyof typeof spdxLicences;

export type Collection = 'labs' | 'models' | 'people' | 'topics' | 'milestones' | 'authors';
export const authorTypes = ['person', 'team'] as const;
/** Builds the schema for a reference to another collection. */
export type RefBuilder = (collection: Collection) => z.ZodType;

/**
 * The schemas, given how a reference is expressed: a plain id for `npm run check`
 * (which resolves references itself, with line numbers), Astro's reference() in content.config.ts.
 */
export function makeSchemas<R extends RefBuilder>(refBuilder: R) {
  const ref = (c: Collection) => refBuilder(c) as ReturnType<R>;
  const source = z.strictObject({
    /** What the reader will see as the link text. */
    title: text(300),
    url: url(),
    publisher: text(200).optional(),
    /** When the source was published, as precise as known. */
    date: partialDate().optional(),
  });

  const article = z
    .strictObject({
      /** The headline: the page's <h1>, <title> and og:title. */
      title: text(200),
      /** The standfirst: cards, meta description, feeds. */
      dek: text(300),
      /** First publication day; a future day schedules the piece. */
      published: day(),
      /** Last substantive update; must not precede `published`. */
      updated: day().optional(),
      /** The editor's order among pieces published the same day: 1 leads (the front page's lead story when it is the newest day). */
      order: z
        .number({ error: 'must be a whole number, 1 or more (1 leads the day)' })
        .int('must be a whole number, 1 or more (1 leads the day)')
        .min(1, 'must be 1 or more (1 leads the day)')
        .optional(),
      kind: z.enum(articleKinds),
      /** Byline: author ids (content/authors/); the default author (site.ts) when empty. */
      authors: z.array(ref('authors')).default([]),
      labs: z.array(ref('labs')).default([]),
      models: z.array(ref('models')).default([]),
      people: z.array(ref('people')).default([]),
      topics: z.array(ref('topics')).default([]),
      /** Timeline events this piece covers: they link back to it. */
      milestones: z.array(ref('milestones')).default([]),
      sources: z.array(source).min(1, 'needs at least one source'),
      /** Old site paths ('/articles/old-slug/') that must redirect here. */
      aliases: z.array(z.string().regex(/^\/[^\s?#]*\/$/, "must be a site path like '/articles/old-slug/'")).default([]),
      corrections: corrections(),
      draft: z.boolean().default(false),
      image: z.strictObject({ src: z.string().min(1), alt: text(300) }).optional(),
    })
    .superRefine((a, ctx) => {
      if (a.updated && a.updated < a.published) ctx.addIssue({ code: 'custom', path: ['updated'], message: `is before published (${a.published})` });
    });

  const lab = z.strictObject({
    name: text(120),
    fullName: text(300).optional(),
    nativeName: text(120).optional(),
    /** Other names readers search for; indexed for search. */
    aliases: z.array(text(120)).default([]),
    type: z.enum(labTypes).default('lab'),
    founded: partialDate().optional(),
    /** Where sources disagree about the founding date. */
    foundedNote: text(1000).optional(),
    headquarters: text(200).optional(),
    /** The country charts count the lab under, as an ISO 3166-1 alpha-2 code: its headquarters', or an editor's call for a collective. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code, like "CN"')
      .optional(),
    /** Parent organisation, when it has its own profile. */
    parent: ref('labs').optional(),
    backers: text(1000).optional(),
    website: url().optional(),
    summary: text(2000),
    licenceStyle: text(2000).optional(),
    keyFacts: z
      .array(
        z.strictObject({
          fact: text(1000),
          year: z.string().optional(),
          contested: z.boolean().optional(),
          sources: z.array(url()).min(1, 'needs at least one source'),
        }),
      )
      .default([]),
    sources: z.array(url()).min(1, 'needs at least one source'),
    corrections: corrections(),
  });

  const openness = z.enum(opennessLevels).default('unknown');
  const model = z
    .strictObject({
      name: text(120),
      lab: ref('labs'),
      released: partialDate().optional(),
      aliases: z.array(text(120)).default([]),
      /** In billions of parameters; 'undisclosed' when the lab did not say (then parametersSource shows where it did not). */
      parameters: z
        .union([z.literal('undisclosed'), z.strictObject({ total: z.number().positive().optional(), active: z.number().positive().optional() })], {
          error: "must be { total, active } in billions, or 'undisclosed'",
        })
        .optional(),
      parametersNote: text(1000).optional(),
      /** The page that shows the count is undisclosed (a model card or announcement without it). */
      parametersSource: url().optional(),
      /** The longest context the lab documents, in tokens. */
      contextLength: z.number().int().positive().optional(),
      architecture: z.enum(['dense', 'moe', 'diffusion', 'other']).optional(),
      /** The weights' licence. */
      licence: z
        .strictObject({
          /** The SPDX id, where the licence has one; custom licences have none. */
          spdx: z
            .enum(Object.keys(spdxLicences) as [SpdxId, ...SpdxId[]], {
              error: `must be one of the SPDX ids ${Object.keys(spdxLicences).join(', ')} (or left out for a custom licence)`,
            })
            .optional(),
          /** The licence's own name. */
          name: text(200),
          /** In plain words: what differs for code or data, use restrictions, changes over time. */
          note: text(1000).optional(),
          url: url().optional(),
        })
        .optional(),
      access: z.enum(accessLevels),
      openness: z
        .strictObject({ weights: openness, code: openness, data: openness, paper: openness })
        .default({ weights: 'unknown', code: 'unknown', data: 'unknown', paper: 'unknown' }),
      relations: z
        .strictObject({
          successorOf: ref('models').optional(),
          distilledFrom: z.array(ref('models')).default([]),
          fineTunedFrom: ref('models').optional(),
        })
        .default({ distilledFrom: [] }),
      summary: text(2000),
      sources: z.array(url()).min(1, 'needs at least one source'),
      corrections: corrections(),
    })
    .superRefine((m, ctx) => {
      if (m.parameters === 'undisclosed' && !m.parametersSource)
        ctx.addIssue({
          code: 'custom',
          path: ['parametersSource'],
          message: "is required when parameters is 'undisclosed': the page that shows the lab did not say",
        });
    });

  const person = z.strictObject({
    name: text(120),
    nativeName: text(120).optional(),
    aliases: z.array(text(120)).default([]),
    roles: z.array(z.strictObject({ lab: ref('labs'), title: text(200), from: partialDate().optional(), to: partialDate().optional() })).default([]),
    summary: text(2000),
    sources: z.array(url()).min(1, 'needs at least one source'),
    corrections: corrections(),
  });

  const author = z.strictObject({
    name: text(120),
    /** A person, or a team writing as one (JSON-LD Person or Organization). */
    type: z.enum(authorTypes).default('person'),
    /** What they do here: 'Editor', 'Reporter'. */
    role: text(120).optional(),
    /** One to three sentences for the author page. */
    bio: text(600),
    links: z.array(z.strictObject({ title: text(120), url: url() })).default([]),
  });

  const topic = z.strictObject({ id: id(), name: text(120), description: text(500) });

  const milestone = z
    .strictObject({
      /** Stable: '<date>-<lab>-<short-name>'. Never changes once published. */
      id: id(),
      date: partialDate(),
      lab: ref('labs'),
      models: z.array(ref('models')).default([]),
      people: z.array(ref('people')).default([]),
      kind: z.enum(milestoneKinds),
      access: z.enum(accessLevels).optional(),
      title: text(200),
      summary: text(2000),
      contested: z.boolean().default(false),
      /** Required when contested: the range, or who claims what. */
      contestedNote: text(2000).optional(),
      sources: z.array(url()).min(1, 'needs at least one source'),
      corrections: corrections(),
    })
    .superRefine((m, ctx) => {
      if (m.contested && !m.contestedNote) ctx.addIssue({ code: 'custom', path: ['contestedNote'], message: 'is required when contested is true' });
      if (!m.id.startsWith(`${m.date}-`)) ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with its date "${m.date}-"` });
    });

  return { article, lab, model, person, topic, milestone, author };
}

/** The plain-id schemas, for tools that run outside Astro. */
export const schemas = makeSchemas(() => id());

export type Article = z.output<typeof schemas.article>;
export type Lab = z.output<typeof schemas.lab>;
export type Model = z.output<typeof schemas.model>;
export type Person = z.output<typeof schemas.person>;
export type Topic = z.output<typeof schemas.topic>;
export type Milestone = z.output<typeof schemas.milestone>;
export type Author = z.output<typeof schemas.author>;
