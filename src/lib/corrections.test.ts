import { describe, expect, it } from 'vitest';
import { correctionsList, type CorrectedPage } from './corrections.ts';

const page = (kind: CorrectedPage['kind'], id: string, title: string, ...corrections: [string, string][]): CorrectedPage => ({
  kind,
  id,
  title,
  path: `/${kind}/${id}/`,
  corrections: corrections.map(([date, note]) => ({ date, note })),
});

describe('correctionsList: every correction, newest first, each linked to its note', () => {
  it.each<[string, CorrectedPage[], string[]]>([
    ['no pages, no rows', [], []],
    ['a page without corrections adds nothing', [page('model', 'm', 'M')], []],
    [
      'newest day first, across kinds',
      [page('article', 'a', 'A', ['2026-01-02', 'a1'], ['2026-03-01', 'a2']), page('model', 'm', 'M', ['2026-02-01', 'm1'])],
      ['2026-03-01 a2 /article/a/#correction-2', '2026-02-01 m1 /model/m/#correction-1', '2026-01-02 a1 /article/a/#correction-1'],
    ],
    [
      'one day: articles, then milestones, models, labs, people',
      [
        page('person', 'p', 'P', ['2026-12-07', 'p1']),
        page('lab', 'l', 'L', ['2026-12-07', 'l1']),
        page('model', 'm', 'M', ['2026-12-07', 'm1']),
        page('milestone', 'e', 'E', ['2026-12-07', 'e1']),
        page('article', 'a', 'A', ['2026-12-07', 'a1']),
      ],
      [
        '2026-12-07 a1 /article/a/#correction-1',
        '2026-12-07 e1 /milestone/e/#correction-1',
        '2026-12-07 m1 /model/m/#correction-1',
        '2026-12-07 l1 /lab/l/#correction-1',
        '2026-12-07 p1 /person/p/#correction-1',
      ],
    ],
    [
      'one day, one kind: by title; two notes on one page: the later first',
      [page('article', 'z', 'Zeta', ['2026-12-07', 'z1']), page('article', 'b', 'Beta', ['2026-12-07', 'b1'], ['2026-12-07', 'b2'])],
      ['2026-12-07 b2 /article/b/#correction-2', '2026-12-07 b1 /article/b/#correction-1', '2026-12-07 z1 /article/z/#correction-1'],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(correctionsList(pages).map((r) => `${r.date} ${r.note} ${r.href}`)).toEqual(expected);
  });
  it('keeps what the page is and what it is called', () => {
    expect(correctionsList([page('lab', 'ai2', 'Ai2', ['2026-12-07', 'n'])])[0]).toEqual({
      kind: 'lab',
      id: 'ai2',
      title: 'Ai2',
      date: '2026-12-07',
      note: 'n',
      href: '/lab/ai2/#correction-1',
    });
  });
});
