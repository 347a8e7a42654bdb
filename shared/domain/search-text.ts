/** Folds case and accents so "zoe muller" finds "Zoë Müller"; Łódź and 東京 keep their letters. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .trim();
}
