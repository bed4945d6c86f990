export * from "./organizations";
export * from "./auth";
export * from "./youth";
export * from "./audit";
export * from "./notices";
export * from "./outreach";
export * from "./plan";
export * from "./consent";
