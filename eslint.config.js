import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Only server modules may reach the database, mail and session libraries: outside `.server.ts`
// files the classic compiler would put them in the browser bundle without a word.
const serverOnly = {
  paths: ["pg", "nodemailer", "lucia", "pg-boss", "@electric-sql/pglite"].map((name) => ({
    name,
    message: "Server-only: import it from a .server.ts module.",
  })),
  patterns: [
    {
      group: ["**/db/*", "**/db/**", "!**/db/schema.ts"],
      message: "Server-only: import the database from a .server.ts module.",
    },
    {
      group: ["**/emails/*", "**/emails/**"],
      message: "Server-only: import emails from a .server.ts module.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", "data/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", serverOnly] },
  },
);
