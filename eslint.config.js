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
  {
    // Modules return outcomes; routes turn them into responses (docs/decisions/017). The guards
    // are the one exception: loaders call them first thing, to send the reader to sign in or 403.
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/modules/auth/guards.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Response']",
          message: "Return an outcome; the route turns it into a response.",
        },
        {
          selector:
            "ImportDeclaration[source.value='@remix-run/node'] ImportSpecifier[imported.name=/^(redirect|redirectDocument|replace|data|json)$/]",
          message: "Return an outcome; the route turns it into a response.",
        },
      ],
    },
  },
);
