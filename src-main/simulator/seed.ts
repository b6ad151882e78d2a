// Deterministic demo data: one API integration of a small homeware shop and its open orders to
// NL, BE, DE and FR, shaped as Sendcloud API v3 returns them.
import {
  allCarriers,
  countries,
  carrierForOption,
  shippingOptionsByCountry,
  type Country,
} from './carriers';
import { createRandom, type Random } from './prng';
import type {
  Price,
  V3Address,
  V3OrderItem,
  V3Order,
  V3Integration,
  SenderAddress,
  Brand,
  V3Contract,
} from './wire';

/** The shop status of an order that still has to ship (the spec's `status=unshipped` example). */
export const OPEN_STATUS = { code: 'unshipped', message: 'Unshipped' } as const;
export const INTEGRATION_ID = 3017;
export const SENDER_ADDRESS_ID = 84213;
export const RETURNS_ADDRESS_ID = 84214;

/**
 * Who an account is: its shop, order numbers and ids. Sendcloud's ids are global, so every
 * account gets its own integration, sender address, brand and order ids, and its own order
 * number prefix, so that no order of one account can be mistaken for another's.
 */
export interface AccountIdentity {
  shopName: string;
  shopUrl: string;
  /** Where the shop's warehouse, returns and brand mail go, e.g. `packdesk.example`. */
  mailDomain: string;
  returnsName: string;
  /** Before the number, e.g. `PD-` for PD-10001. */
  orderNumberPrefix: string;
  firstOrderNumber: number;
  /** Sendcloud order ids count up from here. */
  firstOrderId: number;
  integrationId: number;
  senderAddressId: number;
  returnsAddressId: number;
  /** The tracking-page domain of the first brand; a second brand adds `-outlet`. */
  domain: string;
  brandIds: readonly number[];
}

interface Persona {
  prefix: string;
  shopName: string;
  domain: string;
  shopUrl?: string;
  mailDomain?: string;
  returnsName?: string;
}

const personas: readonly Persona[] = [
  // The demo shop every test knows: its names and addresses stay as they always were.
  {
    prefix: 'PD-',
    shopName: 'Packdesk Demo Shop',
    domain: 'packdesk-demo',
    shopUrl: 'https://demo-shop.packdesk.example/',
    mailDomain: 'packdesk.example',
    returnsName: 'Packdesk Returns',
  },
  { prefix: 'MK-', shopName: 'Makers Kitchen', domain: 'makers-kitchen' },
  { prefix: 'TB-', shopName: 'Tuinbaas', domain: 'tuinbaas' },
  { prefix: 'LW-', shopName: 'Linnen en Wol', domain: 'linnen-wol' },
];

/** The identity of the account at `index`: the first one is the demo shop tests know. */
export function accountIdentity(index: number, orderNumberPrefix?: string): AccountIdentity {
  const persona: Persona = personas[index] ?? {
    prefix: `A${index + 1}-`,
    shopName: `Demo Shop ${index + 1}`,
    domain: `demo-shop-${index + 1}`,
  };
  return {
    shopName: persona.shopName,
    shopUrl: persona.shopUrl ?? `https://${persona.domain}.example/`,
    mailDomain: persona.mailDomain ?? `${persona.domain}.example`,
    returnsName: persona.returnsName ?? `${persona.shopName} Returns`,
    orderNumberPrefix: orderNumberPrefix ?? persona.prefix,
    firstOrderNumber: (index + 1) * 10_000 + 1,
    firstOrderId: 7_012_400 + index * 1_000_000,
    integrationId: INTEGRATION_ID + index,
    senderAddressId: SENDER_ADDRESS_ID + index * 10,
    returnsAddressId: RETURNS_ADDRESS_ID + index * 10,
    domain: persona.domain,
    // The first account has two brands (a shop and its outlet), the others one each.
    brandIds: index === 0 ? [4201, 4202] : [4201 + index * 100],
  };
}

export interface SeededAccount {
  keys: { publicKey: string; secretKey: string };
  /** The API integration the orders belong to. */
  integration: V3Integration;
  /** The default sender address. */
  senderAddress: SenderAddress;
  /** Every integration; the demo account has the API one only. */
  integrations: V3Integration[];
  /** Every sender address: the default first. */
  senderAddresses: SenderAddress[];
  contracts: V3Contract[];
  /** The brands labels and tracking pages can carry: one or two per account. */
  brands: Brand[];
  orders: V3Order[];
}

interface City {
  name: string;
  postalCode(random: Random): string;
  /** Belgian cities decide which language the street names are in. */
  language?: 'nl' | 'fr';
}

const range = (from: number, to: number, width: number) => (random: Random) =>
  String(random.int(from, to)).padStart(width, '0');
const oneOf = (codes: readonly string[]) => (random: Random) => random.pick(codes);

/** Dutch postcodes: four digits, a space, two letters (never SA, SD or SS). */
const dutch = (from: number, to: number) => (random: Random) => {
  let letters = random.letters(2);
  while (['SA', 'SD', 'SS'].includes(letters)) letters = random.letters(2);
  return `${random.int(from, to)} ${letters}`;
};

const cities: Record<Country, readonly City[]> = {
  NL: [
    { name: 'Amsterdam', postalCode: dutch(1011, 1109) },
    { name: 'Rotterdam', postalCode: dutch(3011, 3089) },
    { name: 'Utrecht', postalCode: dutch(3511, 3585) },
    { name: 'Den Haag', postalCode: dutch(2491, 2597) },
    { name: 'Eindhoven', postalCode: dutch(5611, 5658) },
    { name: 'Groningen', postalCode: dutch(9711, 9747) },
    { name: 'Haarlem', postalCode: dutch(2011, 2037) },
    { name: 'Nijmegen', postalCode: dutch(6511, 6546) },
    { name: 'Breda', postalCode: dutch(4811, 4839) },
    { name: 'Zwolle', postalCode: dutch(8011, 8047) },
  ],
  BE: [
    { name: 'Bruxelles', postalCode: oneOf(['1000', '1050', '1060']), language: 'fr' },
    { name: 'Antwerpen', postalCode: oneOf(['2000', '2018', '2060']), language: 'nl' },
    { name: 'Gent', postalCode: oneOf(['9000', '9050']), language: 'nl' },
    { name: 'Leuven', postalCode: oneOf(['3000', '3010']), language: 'nl' },
    { name: 'Brugge', postalCode: oneOf(['8000', '8200']), language: 'nl' },
    { name: 'Mechelen', postalCode: oneOf(['2800']), language: 'nl' },
    { name: 'Liège', postalCode: oneOf(['4000', '4020']), language: 'fr' },
    { name: 'Namur', postalCode: oneOf(['5000']), language: 'fr' },
  ],
  DE: [
    { name: 'Berlin', postalCode: range(10115, 14199, 5) },
    { name: 'Hamburg', postalCode: range(20095, 22769, 5) },
    { name: 'München', postalCode: range(80331, 81929, 5) },
    { name: 'Köln', postalCode: range(50667, 51149, 5) },
    { name: 'Frankfurt am Main', postalCode: range(60306, 60599, 5) },
    { name: 'Leipzig', postalCode: range(4103, 4357, 5) },
    { name: 'Stuttgart', postalCode: range(70173, 70629, 5) },
    { name: 'Düsseldorf', postalCode: range(40210, 40629, 5) },
    { name: 'Dresden', postalCode: range(1067, 1328, 5) },
  ],
  FR: [
    { name: 'Paris', postalCode: range(75001, 75020, 5) },
    { name: 'Lyon', postalCode: range(69001, 69009, 5) },
    { name: 'Marseille', postalCode: range(13001, 13016, 5) },
    { name: 'Toulouse', postalCode: oneOf(['31000', '31100', '31200', '31300', '31400', '31500']) },
    { name: 'Nantes', postalCode: oneOf(['44000', '44100', '44200', '44300']) },
    { name: 'Lille', postalCode: oneOf(['59000', '59160', '59260', '59800']) },
    { name: 'Bordeaux', postalCode: oneOf(['33000', '33100', '33200', '33300', '33800']) },
    { name: 'Strasbourg', postalCode: oneOf(['67000', '67100', '67200']) },
    { name: 'Rennes', postalCode: oneOf(['35000', '35200', '35700']) },
  ],
};

const streets = {
  NL: [
    'Kerkstraat',
    'Dorpsstraat',
    'Molenweg',
    'Stationsweg',
    'Julianastraat',
    'Wilhelminastraat',
    'Prinsengracht',
    'Hoofdstraat',
    'Schoolstraat',
    'Beatrixlaan',
    'Lindenlaan',
    'Oranjestraat',
    'Vondelstraat',
    'Nieuwe Binnenweg',
  ],
  'BE-nl': [
    'Kerkstraat',
    'Stationsstraat',
    'Grote Markt',
    'Veldstraat',
    'Nieuwstraat',
    'Dorpsstraat',
    'Brugstraat',
    'Kouter',
  ],
  'BE-fr': [
    'Rue de la Station',
    'Rue Haute',
    'Avenue Louise',
    "Rue de l'Église",
    'Chaussée de Namur',
    'Rue du Moulin',
    'Place Saint-Lambert',
  ],
  DE: [
    'Hauptstraße',
    'Bahnhofstraße',
    'Schulstraße',
    'Gartenstraße',
    'Lindenallee',
    'Goethestraße',
    'Schillerstraße',
    'Berliner Straße',
    'Kirchweg',
    'Am Marktplatz',
    'Friedrichstraße',
    'Rosenweg',
  ],
  FR: [
    'Rue de la République',
    'Avenue Jean Jaurès',
    'Rue Victor Hugo',
    'Boulevard Voltaire',
    'Rue de la Paix',
    'Place de la Mairie',
    'Rue du Général Leclerc',
    'Rue Pasteur',
    'Avenue de la Gare',
    'Rue des Lilas',
  ],
} as const;

const people: Record<Country, { first: readonly string[]; last: readonly string[] }> = {
  NL: {
    first: [
      'Sanne',
      'Daan',
      'Lotte',
      'Bram',
      'Femke',
      'Jeroen',
      'Anouk',
      'Thijs',
      'Noor',
      'Ruben',
      'Eva',
      'Sem',
    ],
    last: [
      'de Vries',
      'Jansen',
      'van den Berg',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      'de Groot',
      'Bos',
      'Vos',
    ],
  },
  BE: {
    first: [
      'Lucas',
      'Emma',
      'Louis',
      'Olivia',
      'Arthur',
      'Marie',
      'Noah',
      'Elise',
      'Victor',
      'Julie',
    ],
    last: [
      'Peeters',
      'Janssens',
      'Maes',
      'Jacobs',
      'Mertens',
      'Willems',
      'Claes',
      'Dubois',
      'Lambert',
      'Dupont',
    ],
  },
  DE: {
    first: [
      'Lukas',
      'Anna',
      'Jonas',
      'Lea',
      'Felix',
      'Sophie',
      'Paul',
      'Mia',
      'Leon',
      'Hannah',
      'Maximilian',
      'Laura',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
      'Koch',
      'Richter',
    ],
  },
  FR: {
    first: [
      'Léa',
      'Hugo',
      'Chloé',
      'Louis',
      'Manon',
      'Gabriel',
      'Camille',
      'Jules',
      'Inès',
      'Arthur',
      'Zoé',
      'Théo',
    ],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
      'Lefèvre',
      'Girard',
    ],
  },
};

const products = [
  { name: 'Soy candle amber 180g', sku: 'PD-CAN-AMB', price: 14.95, kg: 0.35 },
  { name: 'Ceramic mug sage', sku: 'PD-MUG-SAG', price: 12.5, kg: 0.4 },
  { name: 'Linen tea towel', sku: 'PD-TWL-LIN', price: 9.95, kg: 0.12 },
  { name: 'Wool throw blanket', sku: 'PD-THR-WOL', price: 79, kg: 1.3 },
  { name: 'Oak serving board', sku: 'PD-BRD-OAK', price: 34.5, kg: 0.9 },
  { name: 'Glass carafe 1L', sku: 'PD-CRF-1L', price: 24.95, kg: 0.75 },
  { name: 'Cotton tote bag', sku: 'PD-TOT-CTN', price: 7.5, kg: 0.15 },
  { name: 'Stoneware bowl set (4)', sku: 'PD-BWL-ST4', price: 39.95, kg: 2.1 },
  { name: 'Beeswax wraps (3)', sku: 'PD-WRP-BW3', price: 15, kg: 0.1 },
  { name: 'Rattan plant basket', sku: 'PD-BSK-RTN', price: 29.95, kg: 0.6 },
  { name: 'Dotted notebook A5', sku: 'PD-NTB-A5D', price: 11.95, kg: 0.3 },
  { name: 'Brass candle holder', sku: 'PD-HLD-BRS', price: 19.95, kg: 0.45 },
] as const;

const shippingPrice: Record<Country, number> = { NL: 4.95, BE: 6.95, DE: 6.95, FR: 8.95 };

const round2 = (value: number) => Math.round(value * 100) / 100;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const eur = (value: number): Price => ({ value: round2(value), currency: 'EUR' });

function houseNumber(random: Random, country: Country): string {
  const number = random.int(1, country === 'NL' ? 250 : 160);
  if (!random.chance(0.15)) return String(number);
  if (country === 'FR') return `${number} bis`;
  if (country === 'BE') return `${number} bus ${random.int(1, 12)}`;
  return `${number}${random.pick(['A', 'B', 'C'])}`;
}

function phoneNumber(random: Random, country: Country): string {
  switch (country) {
    case 'NL':
      return `+316${random.digits(8)}`;
    case 'BE':
      return `+324${random.pick(['7', '8', '9'])}${random.digits(7)}`;
    case 'DE':
      return `+491${random.pick(['51', '52', '60', '70', '76'])}${random.digits(8)}`;
    case 'FR':
      return `+33${random.pick(['6', '7'])}${random.digits(8)}`;
  }
}

function emailFor(first: string, last: string): string {
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${plain(first)}.${plain(last)}@example.com`;
}

function uuid(random: Random): string {
  const hex = random.letters(32, '0123456789abcdef');
  const variant = random.pick(['8', '9', 'a', 'b']);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function address(random: Random, country: Country): V3Address {
  const city = random.pick(cities[country]);
  const streetList =
    country === 'BE' ? streets[city.language === 'fr' ? 'BE-fr' : 'BE-nl'] : streets[country];
  const first = random.pick(people[country].first);
  const last = random.pick(people[country].last);
  return {
    name: `${first} ${last}`,
    address_line_1: random.pick(streetList),
    house_number: houseNumber(random, country),
    postal_code: city.postalCode(random),
    city: city.name,
    country_code: country,
    email: emailFor(first, last),
    phone_number: phoneNumber(random, country),
  };
}

function orderItems(random: Random, orderIndex: number): V3OrderItem[] {
  const count = random.pick([1, 1, 1, 2, 2, 3]);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, products.length - 1));
  return [...chosen].map((productIndex, line) => {
    const product = products[productIndex] ?? products[0];
    const quantity = random.pick([1, 1, 1, 2, 3]);
    return {
      item_id: String(700000 + orderIndex * 10 + line),
      product_id: String(91000 + productIndex),
      name: product.name,
      sku: product.sku,
      quantity,
      unit_price: eur(product.price),
      total_price: eur(product.price * quantity),
      measurement: { weight: { value: product.kg, unit: 'kg' } },
    };
  });
}

function brand(id: number, name: string, domain: string, email: string): Brand {
  const media = `https://media.sendcloud.sc/brands/${id}`;
  return {
    id,
    name,
    color: '#2f5d50',
    secondary_color: '#e8c547',
    website: `https://${domain}.example/`,
    overlay_logo: {},
    screen_logo: { url: `${media}/logo.png` },
    print_logo: { url: `${media}/logo.png` },
    overlay_thumb: {},
    screen_thumb: `${media}/logo_thumbnail.png`,
    print_thumb: `${media}/logo_thumbnail.png`,
    notify_reply_to_email: email,
    domain,
    notify_bcc_email: null,
    hide_powered_by: false,
    features: {
      tracking_page: true,
      tracking_email: true,
      tracking_sms: false,
      tracking_whatsapp: false,
      returns_portal: true,
    },
  };
}

/** A destination the carrier's shipping options serve, drawn. */
function countryFor(carrier: string, random: Random): Country {
  const served = countries.filter((country) =>
    shippingOptionsByCountry[country].some((code) => carrierForOption(code)?.code === carrier),
  );
  if (served.length === 0) throw new RangeError(`No seeded shipping option is by ${carrier}.`);
  return random.pick(served);
}

/** Build the account the simulator serves. Same seed, `now` and identity, same data. */
export function seedAccount(opts: {
  seed: number;
  orderCount: number;
  now: Date;
  /** Default: the first account's, the demo shop's. */
  identity?: AccountIdentity;
  /**
   * Carrier codes (`postnl`, `colissimo`…) the orders take in turn, each to a country the
   * carrier serves; default: a country and its usual carriers drawn for each order.
   */
  carriers?: readonly string[];
}): SeededAccount {
  const identity = opts.identity ?? accountIdentity(0);
  const random = createRandom(opts.seed);
  const now = opts.now.getTime();
  const keys = {
    publicKey: random.letters(32, '0123456789abcdef'),
    secretKey: random.letters(32, '0123456789abcdef'),
  };

  // Orders arrive over the last three days; older orders get lower Sendcloud ids.
  const placedAt = Array.from(
    { length: opts.orderCount },
    () => now - random.int(5, 72 * 60) * 60_000,
  ).sort((a, b) => a - b);
  let sendcloudId = identity.firstOrderId;
  const orders = placedAt.map((placed, index): V3Order => {
    sendcloudId += random.int(1, 9);
    const carrier = opts.carriers?.[index % opts.carriers.length];
    const country = carrier === undefined ? random.pick(countries) : countryFor(carrier, random);
    const shippingAddress = address(random, country);
    const items = orderItems(random, index);
    const subtotal = items.reduce((sum, item) => sum + item.total_price.value, 0);
    const shipping = subtotal >= 75 ? 0 : shippingPrice[country];
    const weight = round3(
      items.reduce((sum, item) => sum + item.measurement.weight.value * item.quantity, 0) + 0.15,
    );
    const option = random.pick(
      shippingOptionsByCountry[country].filter(
        (code) => carrier === undefined || carrierForOption(code)?.code === carrier,
      ),
    );
    const imported = new Date(placed + random.int(1, 10) * 60_000).toISOString();
    return {
      id: String(sendcloudId),
      order_id: uuid(random),
      order_number: `${identity.orderNumberPrefix}${identity.firstOrderNumber + index}`,
      created_at: imported,
      modified_at: imported,
      order_details: {
        integration: { id: identity.integrationId },
        status: { ...OPEN_STATUS },
        order_created_at: new Date(placed).toISOString(),
        order_updated_at: new Date(placed).toISOString(),
        order_items: items,
      },
      payment_details: {
        is_cash_on_delivery: false,
        total_price: eur(subtotal + shipping),
        subtotal_price: eur(subtotal),
        estimated_shipping_price: eur(shipping),
        status: { code: 'paid', message: 'Paid' },
      },
      customer_details: {
        name: shippingAddress.name,
        email: shippingAddress.email ?? '',
        phone_number: shippingAddress.phone_number ?? '',
      },
      billing_address: { ...shippingAddress },
      shipping_address: shippingAddress,
      shipping_details: {
        is_local_pickup: false,
        measurement: { weight: { value: weight, unit: 'kg' } },
        ship_with: {
          type: 'shipping_option_code',
          properties: {
            shipping_option_code: option,
            contract_id: carrierForOption(option)?.contractId ?? 1,
          },
        },
      },
    };
  });

  const integration: V3Integration = {
    id: identity.integrationId,
    shop_name: identity.shopName,
    shop_url: identity.shopUrl,
    type: 'api',
    started_failing_at: null,
    last_fetched_at: new Date(now).toISOString(),
    created_at: '2025-11-03T09:12:44Z',
    updated_at: '2026-01-15T14:02:10Z',
    service_point_enabled: false,
    service_point_carriers: [],
    webhook_active: false,
    webhook_url: null,
    feedback_type: 'none',
  };
  const mail = identity.mailDomain;
  const senderAddress: SenderAddress = {
    id: identity.senderAddressId,
    name: identity.shopName,
    company_name: `${identity.shopName} B.V.`,
    address_line_1: 'Atoomweg',
    house_number: '63',
    postal_code: '3542 AA',
    city: 'Utrecht',
    country_code: 'NL',
    email: `warehouse@${mail}`,
    phone_number: '+31302004000',
  };
  const [mainBrand, ...otherBrands] = identity.brandIds;
  return {
    keys,
    integration,
    senderAddress,
    integrations: [integration],
    senderAddresses: [
      senderAddress,
      {
        id: identity.returnsAddressId,
        name: identity.returnsName,
        company_name: `${identity.shopName} B.V.`,
        address_line_1: 'Noorderlaan',
        house_number: '147',
        postal_code: '2030',
        city: 'Antwerpen',
        country_code: 'BE',
        email: `returns@${mail}`,
        phone_number: '+3232004000',
      },
    ],
    contracts: allCarriers
      .filter((carrier) => carrier.directContract !== false)
      .map((carrier) => ({
        id: carrier.contractId,
        carrier: { code: carrier.code, name: carrier.name },
        client_id: `packdesk-${carrier.code}`,
        country: 'NL',
        is_default_per_carrier: true,
        state: 'active',
        type: 'direct',
      })),
    brands: [
      ...(mainBrand === undefined
        ? []
        : [brand(mainBrand, identity.shopName, identity.domain, `hello@${mail}`)]),
      ...otherBrands.map((id) =>
        brand(id, `${identity.shopName} Outlet`, `${identity.domain}-outlet`, `outlet@${mail}`),
      ),
    ],
    orders,
  };
}
