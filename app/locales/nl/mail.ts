const mail = {};

export default mail;
