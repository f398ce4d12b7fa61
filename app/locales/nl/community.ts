// The community board of a region: /community.
const community = {
  title: "Gemeenschap",
};

export default community;
