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
  link: {
    title: "Sign in with a link",
    intro:
      "Enter your email address. We will send you a link to sign in without a password. The link works for 30 minutes, once.",
    submit: "Send me a link",
    sent: "If we know this address, you will get an email with a link within a few minutes. Also check your junk mail folder.",
    confirmTitle: "Sign in",
    confirmIntro: "Press the button to sign in.",
    confirmSubmit: "Sign me in",
    invalidTitle: "This link no longer works",
    invalidText: "The link has been used already or has expired. Ask for a new link.",
    askNew: "Ask for a new link",
  },
  reset: {
    title: "Forgot your password",
    intro:
      "Enter your email address. We will send you a link to choose a new password. The link works for 30 minutes.",
    submit: "Send me a link",
    sent: "If we know this address, you will get an email with a link within a few minutes. Also check your junk mail folder.",
    newTitle: "Choose a new password",
    newPassword: "New password",
    newPasswordHint: "At least 10 characters. A sentence of a few words is easy to remember.",
    confirmPassword: "Repeat the new password",
    newSubmit: "Save my password",
    mismatch: "The two passwords are not the same.",
    tooShort: "Choose a password of at least 10 characters.",
    invalidTitle: "This link no longer works",
    invalidText: "The link has been used already or has expired. Ask for a new link.",
  },
  logout: {
    submit: "Sign out",
    signedInAs: "Signed in as {{name}}",
  },
  fields: {
    required: "Please fill this in.",
    emailInvalid: "This is not a valid email address.",
    controlCharacters:
      "This contains characters that are not allowed, such as a line break or an invisible character.",
    number: "Enter a valid number.",
    tooLong: "This is too long.",
    notThisSite: "This address is not part of Digihelpers.",
  },
};

export default auth;
