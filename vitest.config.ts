import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve("app") };

/** End-to-end files that start servers and send requests but drive no browser. */
const SERVER_E2E = [
  "access-matrix",
  "backup-restore",
  "compression",
  "course-enrolment-race",
  "database-faults",
  "embedded-disk-faults",
  "event-answer-race",
  "event-invitations-smtp",
  "event-send-crash",
  "mail-faults",
  "page-weight",
  "scale-out",
  "security",
  "server-lifecycle",
  "shift-claim-race",
].map((name) => `tests/e2e/${name}.test.ts`);

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: "UTC" },
    // Two test files at a time (unit, integration, and the end-to-end files without a browser):
    // each has its own database copy, server and ports. The browser files then run one at a time
    // (docs/decisions/031).
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
        // The end-to-end files that drive no browser (HTTP, processes, faults): two at a time, in
        // the same pool as the unit and integration files.
        resolve: { alias },
        test: {
          name: "e2e-server",
          include: SERVER_E2E,
          globalSetup: ["tests/support/global-database.ts", "tests/support/global-build.ts"],
          env: { TZ: "UTC" },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The browser files: one at a time, after the rest (docs/decisions/031).
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: SERVER_E2E,
          globalSetup: [
            "tests/support/global-database.ts",
            // The checker starts first: it warms up while the build runs.
            "tests/support/global-html-checker.ts",
            "tests/support/global-build.ts",
          ],
          env: { TZ: "UTC" },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
