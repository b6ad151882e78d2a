// Carriers by display name: Sendcloud speaks in codes (`dhl`), a packer reads the brand ("DHL").
// Brands are not translated. A code not listed here shows as it came.

const carrierNames: Readonly<Record<string, string>> = {
  bpost: 'bpost',
  colissimo: 'Colissimo',
  dhl: 'DHL',
  dhl_express: 'DHL Express',
  dhl_de: 'DHL Paket',
  dpd: 'DPD',
  gls: 'GLS',
  hermes_de: 'Hermes',
  mondial_relay: 'Mondial Relay',
  chronopost: 'Chronopost',
  postnl: 'PostNL',
  sendcloud: 'Sendcloud',
  ups: 'UPS',
  fedex: 'FedEx',
};

/** "DHL" for `dhl`; an unknown code as it is. */
export function carrierName(code: string): string {
  return carrierNames[code.toLowerCase()] ?? code;
}
