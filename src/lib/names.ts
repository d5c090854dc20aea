/** Names for search: the aliases worth printing beside a name, because search would miss them otherwise. */
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Aliases shorter than the name that are not just the name respelled ('DeepSeek V3' for 'DeepSeek-V3'). */
export function otherNames(name: string, aliases: string[]): string[] {
  const n = fold(name);
  return aliases.filter((a) => a.length < name.length && fold(a) !== n);
}
