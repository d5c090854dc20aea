/**
 * The launch edition's editorial rules, over the real articles: 600–1,500 words, a dek, at least
 * three sources, labs and topics named, and at least one link into the timeline, a lab or a model.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readContentFiles } from '../../src/integrations/content-check.ts';
import { entryId } from '../../src/lib/check.ts';

const files = await readContentFiles('content');
const articles = files.articles.map((f) => {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(f.text)!;
  // Prose only: an article component's props (a chart's description, a figure's alt text) are not counted.
  const body = m[2]!
    .replace(/^<[A-Z]\w*\b[\s\S]*?\/>[ \t]*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>`[\]|\\-]/g, ' ');
  const slug = entryId(path.relative(path.resolve('content/articles'), path.resolve(f.path)).split(path.sep).join('/'));
  return {
    slug,
    data: parse(m[1]!) as { dek: string; sources: unknown[]; labs: string[]; topics: string[]; kind: string },
    body: m[2]!,
    words: body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
  };
});

describe('launch edition', () => {
  // News is for events of the last weeks (the content check warns otherwise), so the edition need not hold any.
  it('has at least 12 pieces besides the launch feature, across analysis and explainers', () => {
    expect(articles.length).toBeGreaterThanOrEqual(13);
    for (const kind of ['analysis', 'explainer']) expect(articles.some((a) => a.data.kind === kind)).toBe(true);
  });
  it.each(articles.map((a) => [a.slug, a] as const))('%s', (_slug, a) => {
    expect(a.words).toBeGreaterThanOrEqual(600);
    expect(a.words).toBeLessThanOrEqual(1500);
    expect(a.data.dek.length).toBeGreaterThan(20);
    expect(a.data.sources.length).toBeGreaterThanOrEqual(3);
    expect(a.data.labs.length + a.data.topics.length).toBeGreaterThan(1);
    expect(a.body).toMatch(/\]\(\/(timeline|labs|models)\/[a-z0-9-]+\/\)/);
    // Every paragraph of prose carries at least one link somewhere in the piece: facts are sourced inline.
    expect((a.body.match(/\]\(https?:\/\//g) ?? []).length).toBeGreaterThanOrEqual(8);
  });
});
