/**
 * The components an `.mdx` article may use, by the name it writes (`<Chart …/>`), with the props each
 * accepts. The content check validates every use against this list before anything builds (file:line,
 * the prop, what is wrong), and articles get the components without an import (ArticleLayout passes
 * them to <Content components>). The components themselves live in src/components/mdx/.
 */
import { z } from 'astro/zod';
import { chartKinds, ChartDataError, fromRecords, numberFormats, validateChart } from './charts/index.ts';
import { comparePartialDates, isPartialDate } from './dates.ts';
import { datasetIds } from './datasets.ts';
import { milestoneKinds } from './schema.ts';

/** Ids a use of a component refers to, resolved by the content check against the knowledge base. */
export interface ComponentRef {
  prop: string;
  collection: 'labs' | 'models' | 'people' | 'topics' | 'milestones';
  id: string;
}

export interface ComponentRule {
  /** The props, as they are written in the article (literals only: strings, numbers, booleans, arrays, objects). */
  props: z.ZodType;
  /** The knowledge-base ids a (valid) use names, so a missing one is an error naming the prop. */
  refs?: (props: Record<string, unknown>) => ComponentRef[];
  /** Whether the component takes children (Markdown between its tags). */
  children?: boolean;
}

const text = (what: string, max = 300) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = () => z.string({ error: 'must be an id (lowercase kebab-case text)' }).regex(ID, 'must be lowercase ASCII kebab-case, like "deepseek-r1"');
const partialDate = () =>
  z
    .string({ error: "must be a quoted date, 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" })
    .refine((t) => isPartialDate(t), "must be a real date written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'");

/** One row of an inline table: a label and a number per series (`{label: "2023", value: 4}`). */
const row = z.object({ label: z.union([text('the row label', 120), z.number().transform(String)]) }).catchall(z.number({ error: 'must be a number' }));

export const chartProps = z
  .strictObject({
    kind: z.enum(chartKinds, { error: `must be one of ${chartKinds.join(', ')}` }),
    title: text('the chart title, shown above it and read by screen readers', 200),
    /** What the chart shows, in words: the SVG's description for readers who cannot see it. */
    description: text('what the chart shows, in words', 1000),
    /** An inline table. Numbers only from the piece's own sources. */
    data: z.array(row).optional(),
    /** Or a knowledge-base dataset, computed from the YAML (src/lib/datasets.ts). */
    dataset: z.enum(datasetIds, { error: `must be one of ${datasetIds.join(', ')}` }).optional(),
    /** The order of the series (the other keys of `data`); the order they first appear in otherwise. */
    series: z.array(text('a series name', 80)).min(1).optional(),
    unit: text('the unit written after values', 40).optional(),
    format: z.enum(numberFormats).optional(),
    caption: text('a caption', 600).optional(),
    /** Where the numbers come from, in words; `sourceUrl` links it. */
    source: text('the source', 300).optional(),
    sourceUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.data === undefined && p.dataset === undefined)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'a chart needs data: an inline table (data={[{label: "2023", value: 4}]}) or a dataset' });
    if (p.data !== undefined && p.dataset !== undefined) ctx.addIssue({ code: 'custom', path: ['dataset'], message: 'give data or dataset, not both' });
    if (p.data === undefined) return;
    try {
      validateChart({ kind: p.kind, data: fromRecords(p.data, p.series) });
    } catch (e) {
      if (!(e instanceof ChartDataError)) throw e;
      ctx.addIssue({
        code: 'custom',
        path: e.field === 'kind' ? ['kind'] : ['data'],
        message: e.field.startsWith('data[') ? `${e.field.slice(4)} ${e.message}` : e.message,
      });
    }
  });

export const timelineSliceProps = z
  .strictObject({
    title: text("the slice's title", 200),
    description: text('what the slice shows, in words', 1000).optional(),
    /** The events of one lab, */
    lab: id().optional(),
    /** or those that pieces on a topic cover, */
    topic: id().optional(),
    /** or these events, by id; */
    ids: z.array(id()).min(1, 'must name at least one event').optional(),
    /** within these dates (inclusive, as partial dates), */
    from: partialDate().optional(),
    to: partialDate().optional(),
    /** and of these kinds. */
    kinds: z
      .array(z.enum(milestoneKinds, { error: `must be one of ${milestoneKinds.join(', ')}` }))
      .min(1)
      .optional(),
    /** At most this many, the latest kept. */
    limit: z.number().int().min(1).max(40).optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.lab && !p.topic && !p.ids && !p.from && !p.to)
      ctx.addIssue({ code: 'custom', path: ['lab'], message: 'a slice needs lab, topic, ids, or a date range (from, to)' });
    if (p.from && p.to && comparePartialDates(p.from, p.to) > 0) ctx.addIssue({ code: 'custom', path: ['to'], message: `is before from (${p.from})` });
  });

export const modelFactsProps = z.strictObject({ id: id() });
export const compareProps = z.strictObject({
  models: z.array(id()).min(2, 'compares two or three models').max(3, 'compares two or three models'),
  title: text('a title', 200).optional(),
});

const IMAGE = /\.(png|jpe?g|webp|avif|gif|svg)$/i;
export const figureProps = z.strictObject({
  /** A file beside the article: `content/articles/<slug>/<file>` for `content/articles/<slug>/index.mdx`. */
  src: z
    .string({ error: 'must be the file name of an image beside the article' })
    .regex(/^(\.\/)?[\w-][\w.-]*$/, 'must be a file name beside the article, like "routing.png" (no URL, no folder, no leading / or ..)')
    .refine((s) => IMAGE.test(s), 'must be a .png, .jpg, .webp, .avif, .gif or .svg file'),
  alt: z
    .string({ error: 'is required: say what the image shows for readers who cannot see it' })
    .trim()
    .min(1, 'must not be empty: say what the image shows')
    .max(600),
  caption: text('a caption', 600).optional(),
  credit: text('who made the image', 200).optional(),
});

export const calloutKinds = ['note', 'contested'] as const;
export const calloutProps = z.strictObject({
  kind: z.enum(calloutKinds, { error: `must be one of ${calloutKinds.join(', ')}` }).default('note'),
  title: text('a title', 200).optional(),
});

export const articleComponents: Record<string, ComponentRule> = {
  Chart: { props: chartProps },
  TimelineSlice: {
    props: timelineSliceProps,
    refs: (p) => [
      ...(typeof p.lab === 'string' ? [{ prop: 'lab', collection: 'labs' as const, id: p.lab }] : []),
      ...(typeof p.topic === 'string' ? [{ prop: 'topic', collection: 'topics' as const, id: p.topic }] : []),
      ...(Array.isArray(p.ids) ? p.ids.map((id, i) => ({ prop: `ids[${i}]`, collection: 'milestones' as const, id: String(id) })) : []),
    ],
  },
  ModelFacts: { props: modelFactsProps, refs: (p) => (typeof p.id === 'string' ? [{ prop: 'id', collection: 'models', id: p.id }] : []) },
  Compare: {
    props: compareProps,
    refs: (p) => (Array.isArray(p.models) ? p.models.map((id, i) => ({ prop: `models[${i}]`, collection: 'models' as const, id: String(id) })) : []),
  },
  Figure: { props: figureProps },
  Callout: { props: calloutProps, children: true },
};

/**
 * Parses a use's props against its rule, as the components do when they render: the first problem
 * as `prop: message` (the prop as the article writes it: `data[2].value`, `models[1]`), or the props.
 */
export function parseProps<T extends z.ZodType>(
  schema: T,
  props: unknown,
): { ok: true; props: z.output<T> } | { ok: false; problems: { prop: string; message: string }[] } {
  const r = schema.safeParse(props, { reportInput: true });
  if (r.success) return { ok: true, props: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      prop: i.path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(props)',
      message:
        i.code === 'unrecognized_keys'
          ? `unknown prop(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
          : i.code === 'invalid_type' && i.input === undefined
            ? 'is required'
            : i.message,
    })),
  };
}

/** The error a component throws at build for a bad use: the article's file, the component, the prop and what is wrong. */
export class ComponentPropError extends Error {
  constructor(file: string, component: string, problems: { prop: string; message: string }[]) {
    super(problems.map((p) => `${file}: <${component}> prop "${p.prop}" ${p.message}`).join('\n'));
    this.name = 'ComponentPropError';
  }
}

/** A component's props, parsed by its rule, or a ComponentPropError naming the article. */
export function propsOrThrow<T extends z.ZodType>(
  component: string,
  schema: T,
  props: Record<string, unknown>,
  article: { file: string } | undefined,
): z.output<T> {
  const { children: _, 'set:html': __, ...own } = props;
  const r = parseProps(schema, own);
  if (r.ok) return r.props;
  throw new ComponentPropError(article?.file ?? '(an article)', component, r.problems);
}

/** Whether an MDX body uses a component that reads the knowledge base (so its page changes with it). */
export const usesKnowledgeBase = (body: string | undefined): boolean => !!body && /<(Chart\b[^>]*\bdataset=|TimelineSlice\b|ModelFacts\b|Compare\b)/.test(body);

/** The article components an MDX body uses, by name, in the order of articleComponents. */
export const componentsUsed = (body: string | undefined): string[] =>
  body ? Object.keys(articleComponents).filter((name) => new RegExp(`<${name}\\b`).test(body)) : [];
