// Shift reports: filing one after a shift, correcting it, and coordinators recording one for a volunteer.
const shiftReports = {
  title: "Verslag van een dienst",
};

export default shiftReports;
