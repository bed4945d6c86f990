export * from "./organizations";
export * from "./auth";
export * from "./youth";
export * from "./audit";
