import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["generator/test/**/*.test.ts", "examples/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "generator/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
