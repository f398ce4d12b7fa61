// What a volunteer's work adds up to: /account/experience and the attestation of volunteer work.
const experience = {
  title: "Mijn ervaring",
};

export default experience;
