/**
 * The knowledge base as built under /news/: every verified milestone of the fact base is on the
 * timeline with its own page; the reusable data is complete, stable and absolute.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml } from '../helpers/html.ts';

const dist = inject('siteDist');
// A copy of shared/facts/milestones.yaml (the research base the timeline was seeded from).
const facts = parse(await readFile('tests/fixtures/factbase/milestones.yaml', 'utf8')) as {
  date: string;
  lab: string;
  title: string;
  confidence: string;
  sources: string[];
}[];
const data = JSON.parse(await readFile(path.join(dist, 'data/milestones.json'), 'utf8')) as {
  milestones: { id: string; date: string; lab: string; sources: string[]; url: string; precision: string; title: string }[];
};

const timeline = parseHtml(await read(pageFile(dist, '/timeline/')));

describe('every verified milestone of the fact base is published, and no unverified one (later events are added from newer research)', () => {
  const onTimeline = new Set(all(timeline, (e) => e.tag === 'li' && (e.attrs.class ?? '').split(' ').includes('ms')).map((e) => e.attrs.id));
  it.each(facts.filter((f) => f.confidence === 'verified').map((f) => [`${f.date} ${f.title}`, f] as const))('%s', (_name, f) => {
    // The same event: its day and lab, and a source in common (a source nobody could open is dropped from ours, with a correction).
    const match = data.milestones.find((m) => m.date === f.date && m.lab === f.lab && f.sources.some((s) => m.sources.includes(s)));
    expect(match, 'in /data/milestones.json').toBeDefined();
    expect(onTimeline.has(match!.id), 'on /timeline/').toBe(true);
    expect(existsSync(pageFile(dist, `/timeline/${match!.id}/`)), 'its own page').toBe(true);
  });
  it('publishes nothing unverified', () => {
    for (const f of facts.filter((x) => x.confidence !== 'verified')) {
      expect(data.milestones.find((m) => m.date === f.date && m.lab === f.lab && m.title === f.title)).toBeUndefined();
    }
  });
});

describe('reusable data: stable ids, precision, absolute URLs', () => {
  it('milestones.json: ids unique, precision matches the date, URLs absolute under the base', () => {
    const ids = data.milestones.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of data.milestones) {
      expect(m.id.startsWith(`${m.date}-`)).toBe(true);
      expect(m.precision).toBe({ 4: 'year', 7: 'month', 10: 'day' }[m.date.length]);
      expect(m.url).toBe(`https://frontier-commons.example/news/timeline/${m.id}/`);
      for (const s of m.sources) expect(s).toMatch(/^https?:\/\/[^/]+\//);
    }
  });
  it('milestones.csv has one row per milestone, in the same order', async () => {
    const csv = await readFile(path.join(dist, 'data/milestones.csv'), 'utf8');
    expect(csv.startsWith('id,date,precision,lab,')).toBe(true);
    for (const m of data.milestones) expect(csv).toContain(`\r\n${m.id},${m.date},${m.precision},${m.lab},`);
  });
  it('models.json: every model with lab, access, openness and absolute sources', async () => {
    const { models } = JSON.parse(await readFile(path.join(dist, 'data/models.json'), 'utf8')) as {
      models: { id: string; lab: string; access: string; openness: Record<string, string>; sources: string[]; url: string }[];
    };
    expect(models.length).toBeGreaterThan(40);
    for (const m of models) {
      expect(existsSync(pageFile(dist, `/labs/${m.lab}/`))).toBe(true);
      expect(['open-weights', 'open-source', 'api-only']).toContain(m.access);
      expect(Object.keys(m.openness).sort()).toEqual(['code', 'data', 'paper', 'weights']);
      expect(m.url).toBe(`https://frontier-commons.example/news/models/${m.id}/`);
      for (const s of m.sources) expect(s).toMatch(/^https?:\/\//);
    }
  });
});

describe('partial dates display at their precision', () => {
  it.each([
    ['/timeline/2016-02-high-flyer-founded/', '2016-02', 'February 2016'],
    ['/timeline/2023-03-moonshot-founded/', '2023-03', 'March 2023'],
  ])('%s shows "%s" as "%s", never a made-up day', async (p, datetime, text) => {
    const doc = parseHtml(await read(pageFile(dist, p)));
    const times = all(doc, (e) => e.tag === 'time' && e.attrs.datetime === datetime);
    expect(times.length).toBeGreaterThan(0);
    expect(times[0]!.text).toBe(text);
  });
  it('contested facts are shown as contested', async () => {
    const html = await read(pageFile(dist, '/timeline/2023-03-03-meta-llama-leak/'));
    expect(html).toContain('Contested.');
  });
});

describe('labs: parent and children are linked both ways', () => {
  it('High-Flyer → DeepSeek', async () => {
    const facts = async (p: string) => {
      const dl = all(parseHtml(await read(pageFile(dist, p))), (e) => e.tag === 'dl')[0]!;
      const pairs = new Map<string, string[]>();
      dl.children.forEach((el, i) => {
        if (el.tag === 'dt')
          pairs.set(
            el.text,
            all(dl.children[i + 1]!, (x) => x.tag === 'a').map((a) => a.attrs.href!),
          );
      });
      return pairs;
    };
    expect((await facts('/labs/deepseek/')).get('Parent')).toEqual(['/news/labs/high-flyer/']);
    expect((await facts('/labs/high-flyer/')).get('Spun out or owned')).toContain('/news/labs/deepseek/');
  });
});
