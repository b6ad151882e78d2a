/** An address as v3 requests take it (orders, shipments, returns): the spec's required five, and the rest. */
export interface AddressInput {
  name: string;
  address_line_1: string;
  postal_code: string;
  city: string;
  country_code: string;
  company_name?: string;
  house_number?: string;
  address_line_2?: string;
  po_box?: string;
  state_province_code?: string;
  email?: string;
  phone_number?: string;
}
