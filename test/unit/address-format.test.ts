import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLines, AddressSchema, countryName, type Address } from '../../shared/domain/address';

const address = (fields: Partial<Address>): Address => AddressSchema.parse({ name: 'Test', line1: 'Street 1', countryCode: 'DE', ...fields });

// What each post office expects, line by line: name first or last, where the postcode goes, capitals.
const EXPECTED: Array<[string, Partial<Address>, string[]]> = [
  ['US', { name: 'James Carter', line1: '1600 Amphitheatre Pkwy', line2: 'Apt 3', city: 'Mountain View', region: 'CA', postalCode: '94043', countryCode: 'US' },
    ['James Carter', '1600 Amphitheatre Pkwy', 'Apt 3', 'MOUNTAIN VIEW, CA 94043', 'UNITED STATES']],
  ['CA', { name: 'Noah Thompson', company: 'Thompson Outdoor', line1: '88 Queen St W', line2: 'Suite 200', city: 'Toronto', region: 'ON', postalCode: 'M5H 2M9', countryCode: 'CA' },
    ['Noah Thompson', 'Thompson Outdoor', '88 Queen St W', 'Suite 200', 'TORONTO, ON M5H 2M9', 'CANADA']],
  ['GB', { name: 'Oliver Smith', line1: '221B Baker Street', city: 'London', postalCode: 'NW1 6XE', countryCode: 'GB' },
    ['Oliver Smith', '221B Baker Street', 'LONDON', 'NW1 6XE', 'UNITED KINGDOM']],
  ['DE', { name: 'Zoë Müller', line1: 'Königstraße 12', city: 'Stuttgart', region: 'BW', postalCode: '70173', countryCode: 'DE' },
    ['Zoë Müller', 'Königstraße 12', '70173 Stuttgart', 'GERMANY']],
  ['FR', { name: 'François Lefèvre', company: 'Atelier Lefèvre', line1: '18 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' },
    ['François Lefèvre', 'Atelier Lefèvre', '18 rue de la Paix', '75002 PARIS', 'FRANCE']],
  ['JP', { name: '山田 花子', line1: '千代田区丸の内1-9-1', line2: 'グラントウキョウ 12F', city: '東京', region: '東京都', postalCode: '100-0005', countryCode: 'JP' },
    ['山田 花子', '千代田区丸の内1-9-1', 'グラントウキョウ 12F', '東京, 東京都 100-0005', 'JAPAN']],
  ['KR', { name: '김민준', line1: '세종대로 110', city: '중구', region: '서울특별시', postalCode: '04524', countryCode: 'KR' },
    ['서울특별시 중구 세종대로 110', '김민준', '04524', 'SOUTH KOREA']],
  ['CN', { name: '王伟', line1: '建国路88号', city: '朝阳区', region: '北京市', postalCode: '100022', countryCode: 'CN' },
    ['100022', '北京市', '朝阳区', '建国路88号', '王伟', 'CHINA']],
  ['RU', { name: 'Иван Петров', line1: 'ул. Тверская, д. 7, кв. 5', city: 'Москва', postalCode: '125009', countryCode: 'RU' },
    ['Иван Петров', 'ул. Тверская, д. 7, кв. 5', 'Москва', '125009', 'RUSSIA']],
  ['GR', { name: 'Αλέξανδρος Παπαδόπουλος', line1: 'Ερμού 25', city: 'Αθήνα', postalCode: '10563', countryCode: 'GR' },
    ['Αλέξανδρος Παπαδόπουλος', 'Ερμού 25', '105 63 Αθήνα', 'GREECE']],
  ['AE', { name: 'محمد أحمد', line1: 'شارع الشيخ زايد 12', city: 'دبي', countryCode: 'AE' },
    ['محمد أحمد', 'شارع الشيخ زايد 12', 'دبي', 'UNITED ARAB EMIRATES']],
  ['SA', { name: 'عبدالله', line1: 'طريق الملك فهد', city: 'الرياض', postalCode: '12271', countryCode: 'SA' },
    ['عبدالله', 'طريق الملك فهد', 'الرياض 12271', 'SAUDI ARABIA']],
  ['BR', { name: 'Ana Silva', line1: 'Rua Augusta, 200', line2: 'apto 31', city: 'São Paulo', region: 'SP', postalCode: '01305000', countryCode: 'BR' },
    ['Ana Silva', 'Rua Augusta, 200', 'apto 31', 'São Paulo - SP', '01305-000', 'BRAZIL']],
  ['AU', { name: 'Liam Wilson', line1: '42 Wallaby Way', city: 'Sydney', region: 'NSW', postalCode: '2000', countryCode: 'AU' },
    ['Liam Wilson', '42 Wallaby Way', 'SYDNEY NSW 2000', 'AUSTRALIA']],
  ['IE without an Eircode', { name: 'Mary Byrne', line1: 'Main Street', city: 'Ballina', region: 'Co. Mayo', countryCode: 'IE' },
    ['Mary Byrne', 'Main Street', 'Ballina', 'Co. Mayo', 'IRELAND']],
  ['HK without a postcode', { name: 'Chan Tai Man', line1: 'Flat 5, 12/F, Tower 1', line2: '1 Harbour Road', city: 'Wan Chai', region: 'Hong Kong Island', countryCode: 'HK' },
    ['Chan Tai Man', 'Flat 5, 12/F, Tower 1', '1 Harbour Road', 'Wan Chai', 'Hong Kong Island', 'HONG KONG']],
];

describe('addresses as each post office writes them', () => {
  for (const [country, fields, lines] of EXPECTED) {
    it(`${country}`, () => expect(addressLines(address(fields))).toEqual(lines));
  }

  it('names the country in the shop\'s language, keeping the code where a name is unknown', () => {
    expect(countryName('JP')).toBe('Japan');
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('HK')).toBe('Hong Kong');
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('XX')).toBe('XX');
  });

  it('never writes the ISO code as the country line', () => {
    const lines = addressLines(address({ countryCode: 'CH', city: 'Zürich', postalCode: '8001' }));
    expect(lines.at(-1)).toBe('SWITZERLAND');
    expect(lines).not.toContain('CH');
  });
});

// Countries from every region the formatter knows, and a few it may not.
const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'AT', 'CH', 'IT', 'ES', 'PT', 'NL', 'BE', 'PL', 'CZ', 'SE', 'NO', 'FI',
  'DK', 'IS', 'GR', 'TR', 'RU', 'UA', 'IL', 'AE', 'SA', 'EG', 'ZA', 'NG', 'KE', 'IN', 'PK', 'CN', 'HK', 'TW', 'JP', 'KR', 'SG', 'TH', 'VN',
  'ID', 'PH', 'AU', 'NZ', 'CL', 'XK', 'AQ'];
const part = fc.oneof(
  fc.constantFrom('', '', 'Main Street 5', '서울', '東京都', 'Αθήνα', 'Москва', 'دبي', 'Apt 3', 'Co. Cork', 'São Paulo', '^XZ \\& ~JR'),
  fc.stringMatching(/^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ .,'-]{0,30}$/),
);
const arbitraryAddress = fc.record({
  name: fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,30}$/), company: part, line1: part.filter((s) => s.trim() !== ''), line2: part, line3: part,
  city: part, region: part, postalCode: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9A-Z]{3,5}( ?[0-9A-Z]{3})?$/)), countryCode: fc.constantFrom(...COUNTRIES),
}).map((a) => AddressSchema.parse(a));

const words = (s: string): string => ` ${s.normalize('NFC').replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim().toLocaleLowerCase()} `;

describe('address formatting, over many countries and inputs', () => {
  it('keeps who, where and which town, ends with the country name, and leaves no empty line', () => {
    fc.assert(fc.property(arbitraryAddress, (a) => {
      const lines = addressLines(a);
      expect(lines.at(-1)).toBe(countryName(a.countryCode).toLocaleUpperCase('en'));
      expect(lines.every((l) => l.trim() === l && l !== '')).toBe(true);
      const text = words(lines.join(' '));
      for (const kept of [a.name, a.company, a.line1, a.line2, a.line3, a.city]) {
        if (kept.trim() !== '') expect(text).toContain(words(kept).trimEnd());
      }
      if (a.postalCode) expect(lines.join(' ').toUpperCase().replace(/[^0-9A-Z]/g, '')).toContain(a.postalCode.replace(/[^0-9A-Z]/g, ''));
      expect(addressLines(a)).toEqual(lines); // the same on every screen, slip and label
    }), { seed: 13, numRuns: 400 });
  });
});
