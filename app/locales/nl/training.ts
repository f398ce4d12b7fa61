// Attendance, sign-in sheets, completion and earned skills, for trainers and coordinators. Dutch is the source.
const training = {
  title: "Aanwezigheden",
};

export default training;
