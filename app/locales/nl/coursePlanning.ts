// Planning courses, for coordinators and regional staff. Dutch is the source.
const coursePlanning = {
  title: "Vormingen plannen",
};

export default coursePlanning;
