import { describe, expect, it } from 'vitest';
import { sliceMilestones, type SliceQuery } from './timeline-slice.ts';

const m = (id: string, date: string, lab: string, kind = 'model-release') => ({ id, data: { date, kind, lab: { id: lab } } });
const sorted = [
  m('a', '2016-02', 'high-flyer', 'founding'),
  m('b', '2023', 'deepseek'),
  m('c', '2023-07-17', 'deepseek', 'founding'),
  m('d', '2024-05-06', 'deepseek'),
  m('e', '2025-01-27', 'nvidia', 'market'),
];

describe('sliceMilestones: every condition given must hold', () => {
  it.each<[string, SliceQuery, string[]]>([
    ['a lab', { lab: 'deepseek' }, ['b', 'c', 'd']],
    ['ids, in date order whatever the order asked', { ids: ['e', 'a'] }, ['a', 'e']],
    ["a topic's events", { topicMilestones: ['c', 'e'] }, ['c', 'e']],
    ['from a year, which includes its partial dates', { from: '2023' }, ['b', 'c', 'd', 'e']],
    ['to a month, inclusive of its days', { to: '2023-07' }, ['a', 'b', 'c']],
    ['kinds', { kinds: ['founding'] }, ['a', 'c']],
    ['a lab and kinds', { lab: 'deepseek', kinds: ['model-release'] }, ['b', 'd']],
    ['the latest few', { lab: 'deepseek', limit: 2 }, ['c', 'd']],
    ['nothing matches', { lab: 'nobody' }, []],
  ])('%s', (_n, q, ids) => expect(sliceMilestones(sorted, q).map((x) => x.id)).toEqual(ids));
});
