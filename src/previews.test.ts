import { describe, expect, it, onTestFinished } from 'vitest';
import { articleCard, cardFooter, guessArticleCards } from './previews.ts';

const md = (front: string) => ({ text: `---\n${front}\n---\n\nBody.\n` });

describe('guessArticleCards: the cards the frontmatter gives, for a head start before Astro', () => {
  it.each([
    ['a complete article', md('title: "A title"\ndek: "A dek."\nkind: analysis'), [{ kicker: 'analysis', title: 'A title', subtitle: 'A dek.', footer: cardFooter }]],
    ['no dek: skipped (the content check reports it)', md('title: "A title"\nkind: analysis'), []],
    ['a title that is not text: skipped', md('title: [1, 2]\ndek: "d"\nkind: news'), []],
    ['broken YAML: skipped', md('title: "unclosed\ndek: x\nkind: news'), []],
    ['no frontmatter: skipped', { text: '# Just a heading\n' }, []],
    // Read without YAML when simple; through the YAML parser otherwise: the same text either way.
    ['single quotes', md("title: 'It''s open'\ndek: 'D'\nkind: news"), [{ kicker: 'news', title: "It's open", subtitle: 'D', footer: cardFooter }]],
    ['escapes in double quotes', md('title: "A \\"quoted\\" word"\ndek: "D"\nkind: news'), [{ kicker: 'news', title: 'A "quoted" word', subtitle: 'D', footer: cardFooter }]],
    ['a folded block scalar', md('title: >-\n  Folded\n  title\ndek: D\nkind: news'), [{ kicker: 'news', title: 'Folded title', subtitle: 'D', footer: cardFooter }]],
    ['a plain value continued on the next line', md('title: Two\n  lines\ndek: D\nkind: news'), [{ kicker: 'news', title: 'Two lines', subtitle: 'D', footer: cardFooter }]],
    ['a trailing comment', md('title: Plain # not part of it\ndek: D\nkind: news'), [{ kicker: 'news', title: 'Plain', subtitle: 'D', footer: cardFooter }]],
    ['a colon inside a plain value goes to YAML', md('title: "Ratio: 3:1"\ndek: D\nkind: news'), [{ kicker: 'news', title: 'Ratio: 3:1', subtitle: 'D', footer: cardFooter }]],
    ['keys nested under another key do not count', md('sources:\n  - title: Not this\ntitle: This\ndek: D\nkind: news'), [{ kicker: 'news', title: 'This', subtitle: 'D', footer: cardFooter }]],
  ])('%s', async (_, file, cards) => expect(await guessArticleCards([file])).toEqual(cards));

  it('gives the same card as the site does for an article (articleCard, used by data.ts too)', async () => {
    const [card] = await guessArticleCards([md('title: "T"\ndek: "D"\nkind: news')]);
    expect(card).toEqual(articleCard({ kind: 'news', title: 'T', dek: 'D' }));
  });
});

describe('guessArticleCards reads the launch edition as the YAML parser does', () => {
  it('every article in content/ gives the card its parsed frontmatter gives', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const dir = 'content/articles';
    const names = (await readdir(dir)).filter((n) => /\.mdx?$/.test(n));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = await readFile(`${dir}/${name}`, 'utf8');
      const data = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as { kind: string; title: string; dek: string };
      expect(await guessArticleCards([{ text }]), name).toEqual([articleCard(data)]);
    }
  });
});

describe('CardPool: a card that cannot be made fails the build with the reason', () => {
  it('rejects with the worker\'s error', async () => {
    const { CardPool } = await import('./previews.ts');
    const pool = new CardPool(1);
    const card = articleCard({ kind: 'news', title: 'T', dek: 'D' });
    // A cache folder that cannot be made (a path under a file) makes the worker's write fail: a reported error, not a crash.
    await expect(pool.draw(card, '/dev/null/cards')).rejects.toThrow(/could not be drawn/);
    await pool.close();
  });
});

describe('startPreviews: the head start waits for the content check', () => {
  async function setUp() {
    const { mkdtemp, mkdir, writeFile, readdir, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-previews-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'articles'));
    await mkdir(path.join(dir, 'cards'));
    await writeFile(path.join(dir, 'articles', 'a.md'), md('title: "T"\ndek: "D"\nkind: news').text);
    return { articles: path.join(dir, 'articles'), cards: path.join(dir, 'cards'), pngs: async () => (await readdir(path.join(dir, 'cards'))).filter((f) => f.endsWith('.png')) };
  }
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('draws nothing before the verdict, then the articles\' cards once it passes', async () => {
    const { startPreviews } = await import('./previews.ts');
    const { articles, cards, pngs } = await setUp();
    let pass!: (ok: boolean) => void;
    const pool = startPreviews(articles, cards, new Promise<boolean>((r) => { pass = r; }));
    await settle(1500);
    expect(await pngs()).toEqual([]);
    pass(true);
    await expect.poll(pngs, { timeout: 15_000 }).toHaveLength(1);
    await pool.close();
  });

  it('draws nothing when the check fails', async () => {
    const { startPreviews } = await import('./previews.ts');
    const { articles, cards, pngs } = await setUp();
    const pool = startPreviews(articles, cards, Promise.resolve(false));
    await settle(1500);
    expect(await pngs()).toEqual([]);
    expect(pool.drawn).toBe(0);
    await pool.close();
  });
});
