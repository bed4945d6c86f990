// One store per HTTP request, for what every loader of a page would otherwise work out again (Remix
// runs the root loader and the route's loaders for the same request, each with its own Request
// object). server.js opens the scope around each request; the app's bundle and server.js load this
// file separately, so the AsyncLocalStorage lives on globalThis under one well-known key.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("samverkansportalen.request-scope");
/** @type {AsyncLocalStorage<Map<string, unknown>>} */
const scope = (globalThis[KEY] ??= new AsyncLocalStorage());

/** Runs one request's handling inside its own scope. */
export function withinRequest(run) {
  return scope.run(new Map(), run);
}

/**
 * The value under `key` for this request, computed once. Outside a request scope (tests calling a
 * loader directly, jobs) it is computed every time.
 * @template T
 * @param {string} key
 * @param {() => T} compute
 * @returns {T}
 */
export function oncePerRequest(key, compute) {
  const store = scope.getStore();
  if (!store) return compute();
  if (!store.has(key)) store.set(key, compute());
  return /** @type {T} */ (store.get(key));
}
