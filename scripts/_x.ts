import { drawCard } from '../src/lib/og-image.ts';
import { articleCard } from '../src/previews.ts';
const words = 'open weights model licence inference training release lab benchmark reasoning agent context tokens distilled variants compression attention sparse'.split(' ');
const pick = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
drawCard(articleCard({ kind: 'news', title: 'warm', dek: 'up' }));
const t = performance.now();
for (let i = 0; i < 400; i++) drawCard(articleCard({ kind: ['news', 'analysis', 'explainer'][i % 3]!, title: `Synthetic piece ${i}: ${pick(i, 6)}`, dek: `A generated article about ${pick(i + 1, 12)}, number ${i}.` }));
console.log('ms/card', ((performance.now() - t) / 400).toFixed(2));
