/**
 * The language tag a screen gives an address so its Han characters show in the forms its country
 * reads (Japanese, Korean, simplified or traditional Chinese); undefined where the default serves.
 */
const LANG_BY_COUNTRY: Record<string, string> = { JP: 'ja', KR: 'ko', CN: 'zh-Hans', SG: 'zh-Hans', TW: 'zh-Hant', HK: 'zh-Hant', MO: 'zh-Hant' };

export function addressLang(countryCode: string): string | undefined {
  return LANG_BY_COUNTRY[countryCode.toUpperCase()];
}
