import type { Namespace } from "../types.ts";
import type nl from "../nl/auth.ts";

const auth: Namespace<typeof nl> = {
  login: {
    title: "Sign in",
    intro: "Sign in with your email address and password.",
    email: "Email address",
    password: "Password",
    submit: "Sign in",
    invalid: "This email address and password do not match. Check them and try again.",
    rateLimited: "Too many attempts. Try again in {{minutes}} minutes.",
    forgot: "Forgot your password?",
    linkInstead: "Rather without a password? Ask for a sign-in link by email.",
  },
  logout: {
    submit: "Sign out",
    signedInAs: "Signed in as {{name}}",
  },
  fields: {
    required: "Please fill this in.",
    emailInvalid: "This is not a valid email address.",
    tooLong: "This is too long.",
  },
};

export default auth;
