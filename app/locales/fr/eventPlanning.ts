// Gatherings as their organisers see them: /events/manage (the event, its audience, sending, the
// answers, the door list).
const eventPlanning = {} as const;

export default eventPlanning;
