import type { Namespace } from "../types.ts";
import type nl from "../nl/community.ts";

// The community board of a region: /community.
const community: Namespace<typeof nl> = {
  title: "Community",
  intro:
    "Share a tip or a story with the digihelpers of your region, and thank each other. Do not write names or details of the people you help.",
  regionTitle: "Community board {{region}}",
  regionSwitch: "Choose a region",
  regionShow: "Show",
  noRegion:
    "You do not belong to a region yet. Once you join a digibank, you will find your region's board here.",
  share: {
    title: "Share a tip or story",
    label: "Your post",
    hint: "Plain text, at most 2000 characters. Web addresses become links.",
    fromReport: "This starts with what you wrote in your shift report. Change it as you like.",
    submit: "Share",
    shared: "Your post is on the board.",
    sensitive: "Not shared: your post seems to hold {{kinds}}. Take it out and try again.",
  },
  kind: {
    national_number: "a national register number",
    phone: "a phone number",
    email: "an email address",
    iban: "an account number (IBAN)",
  },
  posts: {
    title: "Posts",
    empty: "No posts yet. Will you share the first tip?",
    older: "Older posts",
    newest: "To the newest posts",
    by: "{{name}}, {{when}}",
    mine: "Your post",
    thanks_one: "Thanked {{count}} time",
    thanks_other: "Thanked {{count}} times",
    thank: "Thanks!",
    thankFor: "Thank {{name}} for this post",
    unthank: "Take my thanks back",
    thanked: "You thanked {{name}}.",
    unthanked: "Your thanks was taken back.",
    hiddenByCoordinator: "Hidden by a coordinator: {{reason}}",
    hiddenForOthers: "Hidden from others. Reason: {{reason}}",
    since: "digihelper since {{date}}",
    languages: "speaks {{list}}",
    availability: "can help on {{list}}",
  },
  moderate: {
    reasonLabel: "Why do you hide this post?",
    reasonHint: "The author sees this reason. At most 500 characters.",
    hide: "Hide",
    hidden: "The post is hidden. Only its author still sees it, with your reason.",
    show: "Show again",
    shown: "The post is visible to everyone again.",
  },
  errors: {
    notFound: "This board or post does not exist, or you may not see it.",
    forbidden: "You may not do that on this board.",
  },
  card: {
    title: "Community",
    intro: "New on your region's board:",
    link: "To the community board",
  },
};

export default community;
