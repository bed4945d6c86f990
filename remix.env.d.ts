/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address, set by server.js (used for login throttling). */
    clientAddress?: string;
  }
}
export {};
