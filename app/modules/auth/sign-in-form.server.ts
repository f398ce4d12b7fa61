import { getZodConstraint } from "@conform-to/zod";
import { SignInSchema } from "./schemas.ts";

// The sign-in form's rules reach the sign-in page only through this server module. The page is the
// first a new volunteer's phone loads, and its fields are checked by the server alone: imported
// straight into the route, the schema's shared chunk (and zod with it) would still be loaded by the
// browser, as the bundler keeps a chunk that a route's loader-only import reaches.

export { SignInSchema };

/** The fields' HTML attributes (required, type, lengths), worked out once. */
export const signInConstraint = getZodConstraint(SignInSchema);
