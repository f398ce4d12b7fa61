const people = {};

export default people;
