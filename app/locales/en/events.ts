// Gatherings as the invited see them: /events, the answer page from the mail link, unsubscribe.
const events = {} as const;

export default events;
