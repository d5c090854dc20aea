import { describe, expect, it } from 'vitest';
import { articleCard, cardFooter, guessArticleCards } from './previews.ts';

const md = (front: string) => ({ text: `---\n${front}\n---\n\nBody.\n` });

describe('guessArticleCards: the cards the frontmatter gives, for a head start before Astro', () => {
  it.each([
    ['a complete article', md('title: "A title"\ndek: "A dek."\nkind: analysis'), [{ kicker: 'analysis', title: 'A title', subtitle: 'A dek.', footer: cardFooter }]],
    ['no dek: skipped (the content check reports it)', md('title: "A title"\nkind: analysis'), []],
    ['a title that is not text: skipped', md('title: [1, 2]\ndek: "d"\nkind: news'), []],
    ['broken YAML: skipped', md('title: "unclosed\ndek: x\nkind: news'), []],
    ['no frontmatter: skipped', { text: '# Just a heading\n' }, []],
  ])('%s', async (_, file, cards) => expect(await guessArticleCards([file])).toEqual(cards));

  it('gives the same card as the site does for an article (articleCard, used by data.ts too)', async () => {
    const [card] = await guessArticleCards([md('title: "T"\ndek: "D"\nkind: news')]);
    expect(card).toEqual(articleCard({ kind: 'news', title: 'T', dek: 'D' }));
  });
});
