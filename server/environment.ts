// Imported first by server/index.ts, so it runs before any module reads the environment while it
// loads. React picks its development or production build by NODE_ENV when it is first imported
// (the mail templates import it long before the Remix build): with NODE_ENV unset, as `npm start`
// and the test servers run, every page rendered through React's development build, with its
// per-element checks. The default is the one app/utils/env.server.ts documents: production.
process.env.NODE_ENV ??= "production";
