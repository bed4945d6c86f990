/** The register list's options, shared by the page (browser) and the reader (server). */
export const REGISTER_PAGE_SIZE = 25;
export const REGISTER_SORTS = ["namn", "nyast", "alder"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export type RegisterQuery = { q?: string; sort: RegisterSort; page: number };
