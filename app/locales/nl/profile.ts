// The volunteer's profile: /account/profile, and as their coordinators see it.
const profile = {
  title: "Mijn profiel",
};

export default profile;
