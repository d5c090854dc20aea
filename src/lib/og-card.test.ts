import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cardHash } from './og-card.ts';

const card = { kicker: 'analysis', title: 'How a hedge fund built DeepSeek', subtitle: 'A test card.', footer: 'Frontier Commons' };

describe('a card is cached under a hash of its content and of what draws it', () => {
  it.each([
    ['the same card', card, card, true],
    ['another title', card, { ...card, title: 'Another title' }, false],
    ['another dek', card, { ...card, subtitle: 'A changed dek.' }, false],
    ['another kicker', card, { ...card, kicker: 'news' }, false],
    ['another footer', card, { ...card, footer: 'Elsewhere' }, false],
    ['facts added', card, { ...card, facts: [{ label: 'Models', value: '12' }] }, false],
    ['a fact changed', { ...card, facts: [{ label: 'Models', value: '12' }] }, { ...card, facts: [{ label: 'Models', value: '13' }] }, false],
  ])('%s: same hash %s', (_case, a, b, same) => expect(cardHash(a) === cardHash(b)).toBe(same));

  it('a different drawing (code or library versions) gives every card a new hash', () => {
    expect(cardHash(card, 'drawing-a')).not.toBe(cardHash(card, 'drawing-b'));
    // The default drawing: og-image.ts and card-layout.ts as they are, and the libraries' versions.
    expect(cardHash(card)).toBe(cardHash({ ...card }));
    expect(cardHash(card)).not.toBe(cardHash(card, 'drawing-a'));
  });

  it('the cache file is the hash, as a PNG, in the folder given', () => {
    expect(cardFile(card, '/cache/og')).toBe(path.join('/cache/og', `${cardHash(card)}.png`));
  });
});
