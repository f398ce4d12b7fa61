// Finding and enrolling in courses, for volunteers and coordinators. Dutch is the source.
const courses = {
  title: "Vormingen",
};

export default courses;
