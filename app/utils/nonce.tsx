import { createContext, useContext } from "react";

// The per-request CSP nonce, made by the HTTP server and handed to every inline script.
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
