/** "1 piece", "3 pieces", "no pieces yet": a count in words as a listing shows it. */
export function pieces(n: number): string {
  return n === 0 ? 'no pieces yet' : n === 1 ? '1 piece' : `${n.toLocaleString('en-GB')} pieces`;
}
