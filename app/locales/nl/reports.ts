// The funder's reports: /reports (figures per digibank, digipunt and month; charts; CSV).
const reports = {
  title: "Rapporten",
};

export default reports;
