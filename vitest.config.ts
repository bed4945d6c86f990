import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(__dirname, "app"),
      "#db": path.resolve(__dirname, "db"),
    },
  },
  test: {
    include: ["app/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/setup/database.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
