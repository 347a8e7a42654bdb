import type { Address } from '../../../shared/domain/address';

/** Real-looking catalog words; combined into about 40 SKUs. */
export const DEMO_PRODUCTS: Array<{ title: string; sku: string; grams: number; dims: [number, number, number]; priceMinor: number; sizes?: string[] }> = [
  { title: 'Enamel Camp Mug', sku: 'MUG-ENM', grams: 280, dims: [110, 90, 90], priceMinor: 1450, sizes: ['Blue', 'Cream', 'Black'] },
  { title: 'Beeswax Wrap Set', sku: 'WRAP-BEE', grams: 90, dims: [200, 150, 20], priceMinor: 1800 },
  { title: 'Linen Tea Towel', sku: 'TOWEL-LIN', grams: 120, dims: [250, 180, 15], priceMinor: 1200, sizes: ['Natural', 'Sage'] },
  { title: 'Ceramic Pour-Over', sku: 'POUR-CER', grams: 450, dims: [140, 140, 120], priceMinor: 3200 },
  { title: 'Organic Coffee Beans 250 g', sku: 'COF-250', grams: 260, dims: [180, 90, 60], priceMinor: 1150, sizes: ['Espresso', 'Filter'] },
  { title: 'Cotton Tote Bag', sku: 'TOTE-COT', grams: 150, dims: [300, 250, 10], priceMinor: 1500, sizes: ['Natural', 'Navy'] },
  { title: 'Wool Socks', sku: 'SOCK-WOL', grams: 80, dims: [200, 100, 30], priceMinor: 1600, sizes: ['S', 'M', 'L'] },
  { title: 'Hand Cream 50 ml', sku: 'CRM-050', grams: 70, dims: [120, 40, 30], priceMinor: 950, sizes: ['Lavender', 'Unscented'] },
  { title: 'Notebook A5 Dotted', sku: 'NB-A5D', grams: 310, dims: [210, 148, 15], priceMinor: 1350, sizes: ['Black', 'Kraft', 'Green'] },
  { title: 'Brass Pen', sku: 'PEN-BRS', grams: 40, dims: [140, 15, 15], priceMinor: 2400 },
  { title: 'Soy Candle', sku: 'CNDL-SOY', grams: 390, dims: [90, 90, 100], priceMinor: 2200, sizes: ['Fig', 'Cedar', 'Yuzu'] },
  { title: 'Bamboo Toothbrush', sku: 'BRSH-BMB', grams: 20, dims: [190, 20, 20], priceMinor: 450, sizes: ['Adult', 'Child'] },
  { title: 'Olive Wood Spoon', sku: 'SPN-OLV', grams: 60, dims: [300, 60, 15], priceMinor: 1100 },
  { title: 'Matcha Tin 40 g', sku: 'MTCH-040', grams: 90, dims: [80, 80, 90], priceMinor: 2600 },
  { title: 'Stoneware Bowl', sku: 'BOWL-STN', grams: 520, dims: [160, 160, 70], priceMinor: 2800, sizes: ['Speckled', 'Charcoal', 'White'] },
  { title: 'Glass Water Bottle', sku: 'BTL-GLS', grams: 420, dims: [250, 75, 75], priceMinor: 2100, sizes: ['500 ml', '750 ml'] },
  { title: 'Recycled Wool Beanie', sku: 'BEAN-RWL', grams: 110, dims: [220, 200, 30], priceMinor: 2500, sizes: ['Grey', 'Mustard'] },
  { title: 'Pocket Knife Sharpener', sku: 'SHRP-PKT', grams: 50, dims: [90, 25, 10], priceMinor: 1300 },
  { title: 'Sketch Pencils (6)', sku: 'PNCL-6', grams: 60, dims: [180, 60, 10], priceMinor: 800 },
  { title: 'Dish Brush', sku: 'DBRS-WD', grams: 75, dims: [220, 50, 50], priceMinor: 700 },
  { title: 'Hemp Twine 50 m', sku: 'TWN-HMP', grams: 130, dims: [80, 80, 80], priceMinor: 650 },
];

export const DEMO_LOCATIONS: Array<{ code: string; name: string; bins: string[]; address: Address }> = [
  {
    code: 'MAIN', name: 'Main workshop', bins: ['A-01', 'A-02', 'A-03', 'B-01', 'B-02', 'B-03', 'C-01', 'C-02'],
    address: { name: 'Packbench Demo Shop', company: 'Demo Goods Ltd', line1: 'Unit 4, Mill Yard', line2: '', line3: '', city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 4AP', countryCode: 'GB', phone: '+44 113 496 0000', email: 'shop@example.com' },
  },
  {
    code: 'BERLIN', name: 'Lager Berlin', bins: ['R1-F1', 'R1-F2', 'R2-F1', 'R2-F2'],
    address: { name: 'Packbench Demo Lager', company: 'Demo Goods GmbH', line1: 'Schönhauser Allee 36', line2: 'Hof 2', line3: '', city: 'Berlin', region: '', postalCode: '10435', countryCode: 'DE', phone: '+49 30 901820', email: 'lager@example.com' },
  },
];

export const DEMO_CHANNELS = [
  { kind: 'demo-shopify', name: 'Demo Shopify store', prefix: '#', currency: 'GBP' },
  { kind: 'demo-woocommerce', name: 'Demo WooCommerce', prefix: 'WC-', currency: 'EUR' },
  { kind: 'demo-marketplace', name: 'Demo Marketplace', prefix: 'MP-', currency: 'USD' },
];

/** Customers from many countries, with the letters real customers have. */
export const DEMO_CUSTOMERS: Address[] = [
  { name: 'Zoë Müller', company: '', line1: 'Königstraße 12', line2: '', line3: '', city: 'Stuttgart', region: 'BW', postalCode: '70173', countryCode: 'DE', phone: '+49 711 123456', email: 'zoe@example.de' },
  { name: '山田 花子', company: '', line1: '千代田区丸の内1-9-1', line2: 'グラントウキョウ 12F', line3: '', city: '東京', region: '東京都', postalCode: '100-0005', countryCode: 'JP', phone: '+81 3 1234 5678', email: 'hanako@example.jp' },
  { name: 'Łukasz Żółkiewski', company: '', line1: 'ul. Piotrkowska 104', line2: 'm. 7', line3: '', city: 'Łódź', region: 'łódzkie', postalCode: '90-926', countryCode: 'PL', phone: '+48 42 123 45 67', email: 'lukasz@example.pl' },
  { name: 'François Lefèvre', company: 'Atelier Lefèvre', line1: '18 rue de la Paix', line2: '', line3: '', city: 'Paris', region: '', postalCode: '75002', countryCode: 'FR', phone: '+33 1 42 00 00 00', email: 'f.lefevre@example.fr' },
  { name: 'Søren Kierkegård', company: '', line1: 'Nørrebrogade 45, 2. th.', line2: '', line3: '', city: 'København N', region: '', postalCode: '2200', countryCode: 'DK', phone: '+45 31 12 34 56', email: 'soren@example.dk' },
  { name: 'José Ángel Núñez', company: '', line1: 'Calle de Alcalá 123', line2: '4º B', line3: '', city: 'Madrid', region: 'Madrid', postalCode: '28009', countryCode: 'ES', phone: '+34 91 123 45 67', email: 'jose@example.es' },
  { name: 'Ólafur Þórsson', company: '', line1: 'Laugavegur 22', line2: '', line3: '', city: 'Reykjavík', region: '', postalCode: '101', countryCode: 'IS', phone: '+354 551 2345', email: 'olafur@example.is' },
  { name: 'Mary O’Brien', company: 'O’Brien & Daughters', line1: '7 Grafton Street', line2: '', line3: '', city: 'Dublin 2', region: 'Co. Dublin', postalCode: 'D02 XY45', countryCode: 'IE', phone: '+353 1 555 0101', email: 'mary@example.ie' },
  { name: 'James Carter', company: '', line1: '1600 Amphitheatre Pkwy', line2: 'Apt 3', line3: '', city: 'Mountain View', region: 'CA', postalCode: '94043', countryCode: 'US', phone: '+1 650 555 0100', email: 'james@example.com' },
  { name: 'Çağla Öztürk', company: '', line1: 'İstiklal Caddesi No: 55', line2: '', line3: '', city: 'İstanbul', region: 'Beyoğlu', postalCode: '34433', countryCode: 'TR', phone: '+90 212 555 0000', email: 'cagla@example.com.tr' },
  { name: 'Αλέξανδρος Παπαδόπουλος', company: '', line1: 'Ερμού 25', line2: '', line3: '', city: 'Αθήνα', region: '', postalCode: '105 63', countryCode: 'GR', phone: '+30 21 0123 4567', email: 'alex@example.gr' },
  { name: 'Priya Nair', company: '', line1: '12 MG Road', line2: 'Indiranagar', line3: '', city: 'Bengaluru', region: 'KA', postalCode: '560038', countryCode: 'IN', phone: '+91 80 5555 0000', email: 'priya@example.in' },
  { name: 'Emma Lindqvist', company: '', line1: 'Drottninggatan 5', line2: '', line3: '', city: 'Stockholm', region: '', postalCode: '111 51', countryCode: 'SE', phone: '+46 8 123 456', email: 'emma@example.se' },
  { name: 'Noah Thompson', company: 'Thompson Outdoor', line1: '88 Queen St W', line2: 'Suite 200', line3: '', city: 'Toronto', region: 'ON', postalCode: 'M5H 2M9', countryCode: 'CA', phone: '+1 416 555 0199', email: 'noah@example.ca' },
  { name: 'Chloé Dubois', company: '', line1: 'Rue Neuve 15', line2: '', line3: '', city: 'Bruxelles', region: '', postalCode: '1000', countryCode: 'BE', phone: '+32 2 123 45 67', email: 'chloe@example.be' },
  { name: 'Oliver Smith', company: '', line1: '221B Baker Street', line2: '', line3: '', city: 'London', region: '', postalCode: 'NW1 6XE', countryCode: 'GB', phone: '+44 20 7946 0000', email: 'oliver@example.co.uk' },
  { name: 'Jürgen Weiß', company: 'Weiß & Söhne KG', line1: 'Mariahilfer Straße 99', line2: '', line3: '', city: 'Wien', region: '', postalCode: '1060', countryCode: 'AT', phone: '+43 1 234 5678', email: 'juergen@example.at' },
  { name: 'Ana Conceição', company: '', line1: 'Rua Augusta 200', line2: '3º Esq.', line3: '', city: 'Lisboa', region: '', postalCode: '1100-053', countryCode: 'PT', phone: '+351 21 123 4567', email: 'ana@example.pt' },
  { name: 'Liam Wilson', company: '', line1: '42 Wallaby Way', line2: '', line3: '', city: 'Sydney', region: 'NSW', postalCode: '2000', countryCode: 'AU', phone: '+61 2 5550 1234', email: 'liam@example.com.au' },
  { name: '김민준', company: '', line1: '세종대로 110', line2: '', line3: '', city: '서울', region: '중구', postalCode: '04524', countryCode: 'KR', phone: '+82 2 1234 5678', email: 'minjun@example.kr' },
];
