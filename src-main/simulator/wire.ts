// Sendcloud's wire shapes as the simulator serves them (API v3, and v2 where only v2 has it):
// what its routes send and its state keeps. The seed fills them with demo data.

export interface Price {
  value: number;
  currency: 'EUR';
}

export interface V3Address {
  name: string;
  company_name?: string;
  address_line_1: string;
  house_number: string;
  address_line_2?: string;
  postal_code: string;
  city: string;
  country_code: string;
  email?: string;
  phone_number?: string;
}

export interface V3OrderItem {
  item_id: string;
  product_id: string;
  name: string;
  sku: string;
  quantity: number;
  unit_price: Price;
  total_price: Price;
  measurement: { weight: { value: number; unit: 'kg' } };
  /** Customs orders only (simulator/customs.ts). */
  description?: string;
  hs_code?: string;
  country_of_origin?: string;
}

export interface V3Order {
  id: string;
  order_id: string;
  order_number: string;
  created_at: string;
  modified_at: string;
  order_details: {
    integration: { id: number };
    status: { code: string; message: string };
    order_created_at: string;
    order_updated_at: string;
    order_items: V3OrderItem[];
  };
  payment_details: {
    is_cash_on_delivery: boolean;
    total_price: Price;
    subtotal_price: Price;
    estimated_shipping_price: Price;
    status: { code: string; message: string };
  };
  customer_details: { name: string; email: string; phone_number: string };
  billing_address: V3Address;
  shipping_address: V3Address;
  shipping_details: {
    is_local_pickup: boolean;
    measurement: { weight: { value: number; unit: 'kg' } };
    ship_with: {
      type: 'shipping_option_code';
      properties: { shipping_option_code: string; contract_id: number };
    };
  };
  /** The pick-up point the customer chose (service-point orders only). */
  service_point_details?: { id: string } | { carrier_service_point_id: string };
}

export interface V3Integration {
  id: number;
  shop_name: string;
  shop_url: string;
  type: string;
  started_failing_at: string | null;
  last_fetched_at: string;
  created_at: string;
  updated_at: string;
  service_point_enabled: boolean;
  service_point_carriers: string[];
  webhook_active: boolean;
  webhook_url: string | null;
  feedback_type: string | null;
}

export interface SenderAddress extends V3Address {
  id: number;
}

/** A brand as v2 `GET /brands` shows it (the Brands API exists in v2 only). */
export interface Brand {
  id: number;
  name: string;
  color: string;
  secondary_color: string;
  website: string;
  overlay_logo: Record<string, never>;
  screen_logo: { url: string };
  print_logo: { url: string };
  overlay_thumb: Record<string, never>;
  screen_thumb: string;
  print_thumb: string;
  notify_reply_to_email: string;
  domain: string;
  notify_bcc_email: string | null;
  hide_powered_by: boolean;
  features: {
    tracking_page: boolean;
    tracking_email: boolean;
    tracking_sms: boolean;
    tracking_whatsapp: boolean;
    returns_portal: boolean;
  };
}

export interface V3Contract {
  id: number;
  carrier: { code: string; name: string };
  client_id: string;
  country: string;
  is_default_per_carrier: boolean;
  state: 'active';
  type: 'direct';
}
