/**
 * Where identity providers send the browser back to, and where it lands after signing out at the provider.
 * The admin registers these at the provider; the demo provider is configured with them.
 */
export const OIDC_CALLBACK_PATHS = {
  staff: "/logga-in/sso/retur",
  citizen: "/mina-sidor/logga-in/retur",
} as const;

export const SIGNED_OUT_PATHS = {
  staff: "/logga-in?utloggad=1",
  citizen: "/mina-sidor/logga-in?utloggad=1",
} as const;
