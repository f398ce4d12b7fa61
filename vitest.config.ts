import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve("app") };

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: "UTC" },
    // Two test files at a time, from all three projects together. On two cores this is about 1.4
    // times as fast as one: a browser file spends much of its time waiting on its server and its
    // page. Every file has its own database copy, server and browser, so two never share state.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], env: { TZ: "UTC" } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts"],
          env: { TZ: "UTC" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: [
            "tests/support/global-database.ts",
            // The checker starts first: it warms up while the build runs.
            "tests/support/global-html-checker.ts",
            "tests/support/global-build.ts",
          ],
          env: { TZ: "UTC" },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
