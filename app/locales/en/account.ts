import type { Namespace } from "../types.ts";
import type nl from "../nl/account.ts";

const account: Namespace<typeof nl> = {
  title: "My account",
  intro: "Here you change your details and choose which emails you get.",
  saved: {
    calendar: "Your calendar address is ready. Add it to your calendar app.",
    calendarNew: "You have a new calendar address. The old address no longer works.",
    profile: "Your details are saved.",
    password: "Your password is changed. You are now signed out on your other devices.",
    email: "Your email address is changed. You are now signed out on your other devices.",
  },
  skills: {
    title: "My skills",
    intro:
      "Some shifts ask for a skill, for example helping with itsme. Tick what you can help people with.",
    legend: "What can you help with?",
    submit: "Save my skills",
    saved: "Your skills are saved.",
    link: "Change my skills",
    back: "Back to my account",
  },
  profile: {
    title: "My details",
    email: "Email address",
    emailNote:
      "Want to use another email address? We first send an email to the new address to confirm it.",
    name: "Name",
    phone: "Phone number (optional)",
    phoneHint: "For example 0470 12 34 56 or +32 470 12 34 56.",
    language: "Which language do you want for Digihelpers and our emails?",
    submit: "Save my details",
  },
  notifications: {
    legend: "Which emails do you want to get?",
    essential:
      "You always get important emails about your account, such as a sign-in link or a new password.",
    reminders: "Reminders of my shifts and courses",
    invitations: "Invitations to gatherings",
    newsletters: "Newsletters from my digibank",
  },
  password: {
    title: "Change password",
    intro: "Afterwards you are signed out on all your other devices.",
    current: "Current password",
    new: "New password",
    newHint: "At least {{min}} characters.",
    confirm: "New password once more",
    submit: "Change password",
    wrong: "Your current password is not right. Nothing was changed.",
    rateLimited: "Too many attempts. Try again in {{minutes}} minutes.",
    none: "You have no password yet. Choose one through 'Forgot your password?' on the sign-in page.",
  },
  email: {
    title: "Change my email address",
    intro: "We send a link to the new address. Your address changes only once you open that link.",
    new: "New email address",
    password: "Current password",
    submit: "Send the link",
    sent: "We sent a link to the new address. Your address changes once you open it.",
    wrong: "Your password is not right. Nothing was changed.",
    rateLimited: "Too many attempts. Try again in {{minutes}} minutes.",
    none: "To change your email address you need a password. Choose one through 'Forgot your password?' on the sign-in page.",
  },
  confirmEmail: {
    title: "Confirm your new email address",
    text: "Do you want to use {{email}} from now on to sign in and get our emails?",
    submit: "Yes, use this address",
    invalidTitle: "This link no longer works",
    invalidText: "The link was used already, or it is too old. Ask for a new one in My account.",
    taken: "This address is now used by another account. Your email address was not changed.",
    doneTitle: "Your email address is changed",
    doneText: "From now on, sign in with {{email}}.",
    signIn: "Sign in",
  },
  calendar: {
    title: "My shifts in my calendar",
    intro:
      "See your shifts in the calendar on your phone or computer, such as Google Calendar, Outlook or Apple Calendar. You get your own address for this. Your calendar then keeps itself up to date.",
    create: "Make my calendar address",
    url: "Your calendar address",
    private: "This address is secret. Anyone who has it can see your shifts. Do not share it.",
    copy: "Copy the address",
    copied: "Copied.",
    howTitle: "How to add it",
    googleTitle: "Google Calendar",
    google:
      "Open Google Calendar on a computer. Next to 'Other calendars', click the plus sign and choose 'From URL'. Paste the address and click 'Add calendar'. Your shifts then also show on your phone.",
    outlookTitle: "Outlook",
    outlook:
      "Open your calendar in Outlook. Choose 'Add calendar', then 'Subscribe from web'. Paste the address, give the calendar a name and click 'Import'.",
    appleTitle: "Apple Calendar (iPhone, iPad or Mac)",
    apple:
      "On an iPhone or iPad: open Settings, then Calendar, Accounts, 'Add Account', Other, 'Add Subscribed Calendar'. Paste the address. On a Mac: open Calendar and choose File, 'New Calendar Subscription'.",
    delay:
      "Your calendar fetches changes by itself. This can take a few hours. Digihelpers always shows the right version.",
    regenerateTitle: "Make a new address",
    regenerateIntro:
      "Did you give the address to someone who should not have it? Then make a new address. The old address stops working. Add the new address to your calendar again.",
    regenerateConfirm: "I understand that the old address will stop working",
    regenerate: "Make a new address",
  },
  devices: {
    title: "Sign out on all devices",
    intro:
      "Lost your phone, or signed in on someone else's computer? Then sign out everywhere. Afterwards you sign in again.",
    submit: "Sign out on all devices",
  },
  export: {
    title: "Download my data",
    intro: "You get one file with everything Digihelpers keeps about you.",
    submit: "Download my data",
  },
  delete: {
    title: "Delete my account",
    intro: "Don't want to take part any more? You can delete your account yourself.",
    link: "Delete my account",
    pageTitle: "Delete my account",
    gone: "We erase your name, your email address, your phone number and your password. You are signed out everywhere and can no longer sign in.",
    kept: "What stays: the shifts and hours you did, without your name. That way your digibank's figures stay right.",
    final: "You cannot undo this.",
    confirmPassword: "Type your password to confirm",
    confirmWord: "Type the word {{word}} to confirm",
    word: "DELETE",
    wrong: "That is not right. Your account was not deleted.",
    submit: "Delete my account for good",
    cancel: "Don't delete, back to my account",
  },
  fields: {
    confirmRegenerate: "Tick this box to make a new address.",
    phoneInvalid: "A phone number has 6 to 20 characters: digits, spaces, +, / or -.",
    passwordTooShort: "Choose a password of at least 10 characters.",
    passwordsDiffer: "The two new passwords are not the same.",
  },
};

export default account;
