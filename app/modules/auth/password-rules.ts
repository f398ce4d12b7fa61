// Shared by the browser (form hints and instant checks) and the server; password.server.ts
// re-exports them, so there is one source.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
