import type nl from "../nl/legal.ts";
import type { Namespace } from "../types.ts";

const legal: Namespace<typeof nl> = {
  units: {
    days_one: "{{count}} day",
    days_other: "{{count}} days",
    years_one: "{{count}} year",
    years_other: "{{count}} years",
    hours_one: "{{count}} hour",
    hours_other: "{{count}} hours",
  },
  notFilled: "to be filled in by {{organisation}}",
  privacy: {
    title: "Privacy notice",
    intro:
      "Digihelpers is the platform on which the digihelpers, coordinators and regional staff of the digibanken plan shifts, courses and gatherings. Here you read what we keep about you, why, for how long, who processes it and what your rights are.",
    controller: {
      heading: "Who is responsible?",
      text: "The controller is {{organisation}}{{address}}. Ask your questions about your data at [{{email}}](mailto:{{email}}).",
    },
    kept: {
      heading: "What we keep, why and for how long",
      intro:
        "We keep only what is needed to organise the volunteering. We sell nothing and use no advertising or tracking cookies.",
      why: "Why",
      legalBasis: "Legal basis",
      howLong: "How long",
      account: {
        what: "Your account: name, email address, phone number (if you give it), language, your roles and digibanken, since when you help, your mail preferences and when you accepted this notice.",
        why: "To sign you in, reach you and plan the work of your digibank.",
        basis:
          "The digibank's legitimate interest in organising its volunteering (GDPR art. 6(1)(f)).",
        howLong:
          "As long as your account exists. If nobody signs in to it for {{inactive}}, you get an email; if it stays unused for another {{grace}}, we erase your personal data as when an account is deleted.",
      },
      work: {
        what: "Your work: the shifts you take, reserve lists, releases and attendance; your courses, attendance and skills; your invitations to gatherings and your answers; your reports after a shift (numbers and topics, never data about the people you helped).",
        why: "To plan shifts, courses and gatherings, make your attestation and let the digibank report to its funder (as anonymous figures only).",
        basis:
          "The digibank's legitimate interest in organising and accounting for its volunteering (GDPR art. 6(1)(f)).",
        howLong:
          "As long as your account exists. When you delete your account, only anonymous figures remain.",
      },
      profile: {
        what: "Your profile, if you fill it in: your languages, when and where you can help, a short introduction, and what you share on your region's board.",
        why: "To show colleagues of your region who you are, only for the parts you choose.",
        basis:
          "Your consent (GDPR art. 6(1)(a)). You withdraw it by changing or emptying your [profile](/account/profile).",
        howLong: "Until you change it or delete your account.",
      },
      joinRequests: {
        what: "A request to join: name, email address, language and the digibank.",
        why: "To answer your request.",
        basis: "Steps taken at your request before you join (GDPR art. 6(1)(b)).",
        howLong: "Until the coordinator decides, and then another {{decidedJoinRequest}}.",
      },
      guests: {
        what: "Guests of a gathering without an account: email address, name, language and answers; and who asked for no more invitations.",
        why: "To invite and organise the gathering; we keep the opt-out so that no new invitation follows.",
        basis: "The organiser's legitimate interest (GDPR art. 6(1)(f)).",
        howLong:
          "Until {{guestAfterGathering}} after the gathering (the organiser may remove you sooner, or you may ask us); then your name, address and answers go, and only whether you came stays, without a name. An opt-out until you ask us to erase it.",
      },
      mail: {
        what: "The emails we send you: address, kind, status and content.",
        why: "To send each email once and be able to check that it went out.",
        basis: "Legitimate interest (GDPR art. 6(1)(f)).",
        howLong:
          "The content {{mailBody}}; address, kind and status as long as your account exists.",
      },
      security: {
        what: "Security: your sessions (the device you are signed in on), sign-in and reset links, counters of attempts per IP address, and a log of who did what (sign-ins, roles, exports, deletions) with the IP address.",
        why: "To protect your account and everyone's data, and to be able to look into misuse.",
        basis: "Legitimate interest in security (GDPR art. 6(1)(f) and art. 32).",
        howLong:
          "A session ends after {{sessionIdle}} without use and at the latest after {{sessionAbsolute}}. We keep links for {{usedToken}} after they were used or expired; counters of attempts {{rateLimit}}; the log {{audit}}.",
      },
      cookies:
        "Cookies: only what the site needs (your session, a security token for forms, your language and a message after an action). No analytics or advertising cookies.",
    },
    recipients: {
      heading: "Who sees your data?",
      items: [
        "The coordinators of your digibank see your contact details and your shifts; regional staff those of their region.",
        "Other digihelpers see only your first name on a shift, and on the board what you share yourself.",
        "Whoever funds the digibanken receives anonymous figures only.",
      ],
    },
    processors: {
      heading: "Processors",
      text: "These parties process data on behalf of {{organisation}}, under a data processing agreement:",
      hosting: "Hosting of the site and the database: {{provider}}.",
      mail: "Sending emails: {{provider}}.",
    },
    rights: {
      heading: "Your rights and how to use them",
      items: [
        "Access and portability: [My data](/account/data) shows everything we keep about you; you can also download it there as a JSON file.",
        "Rectification: change your name, phone, language and email address in [My account](/account), your profile in [My profile](/account/profile) and your skills in [My skills](/account/skills).",
        "Erasure: [delete your account](/account/delete). Your personal data is erased; only anonymous figures remain.",
        "Restriction and objection: write to [{{email}}](mailto:{{email}}). We answer within one month.",
        "Complaint: if you are not satisfied, you can lodge a complaint with the Belgian Data Protection Authority, Rue de la Presse 35, 1000 Brussels, [www.dataprotectionauthority.be](https://www.dataprotectionauthority.be).",
      ],
      noAccount:
        "No account (a guest, or a request to join)? Write to [{{email}}](mailto:{{email}}).",
    },
  },
  accessibility: {
    title: "Accessibility statement",
    intro:
      "{{organisation}} wants everyone to be able to use Digihelpers, also with a screen reader, the keyboard alone, magnification or a small phone. This statement applies to this website.",
    status: {
      heading: "Compliance status",
      text: "Our target is level AA of the Web Content Accessibility Guidelines (WCAG) 2.2. This website is partially compliant: the limitations below are known.",
    },
    tested: {
      heading: "How we checked",
      intro: "This is a self-assessment, not an external audit.",
      items: [
        "Automated checks with axe-core (the WCAG 2.0, 2.1 and 2.2 level A and AA rules) in Chromium on every page our browser tests visit, in Dutch, French and English.",
        "Valid HTML, checked with the Nu HTML Checker.",
        "The main tasks with the keyboard alone, and on a screen 390 pixels wide.",
        "Forms also work without JavaScript.",
        "The accessibility tree (what a screen reader reads out) of the home page, the shifts, My account, My experience, the planning and this page, read through: icons beside a word are not read out, and there are no empty lists.",
        "Not done yet: a test with a screen reader (NVDA, VoiceOver or TalkBack) and a test with users with disabilities.",
      ],
    },
    limitations: {
      heading: "Known limitations",
      items: [
        "The shift calendar (month and week view) is a grid that is hard to follow with a screen reader. Use the [list of shifts](/shifts/list): it shows the same, week by week, and every shift has its own page with ordinary buttons.",
        "The attestation PDF has a title and a language, but no tagged structure. The same text is on a web page under My experience.",
        "The charts in the reports are images with a title; under each chart a table gives the same figures.",
        "A course's sign-in sheet is meant to be printed, not read on screen.",
      ],
    },
    report: {
      heading: "Report a barrier",
      text: "Found something you cannot use? Write to [{{email}}](mailto:{{email}}) and say on which page and what goes wrong. You get a confirmation within {{ackDays}} working days, and within {{answerDays}} working days an answer or another way to do what you wanted.",
    },
    enforcement: {
      heading: "Enforcement procedure",
      text: "If you are not satisfied with our answer, you can lodge a complaint with the Flemish Ombudsman (Vlaamse Ombudsdienst), [www.vlaamseombudsdienst.be](https://www.vlaamseombudsdienst.be).",
    },
    date: {
      heading: "Date",
      text: "This statement was drawn up on {{date}}.",
    },
  },
};

export default legal;
