import { createClient } from '../generated/client.gen.js';

/** Where the host keeps the access token. */
let currentToken = '';

export function useToken(token: string): void {
  currentToken = token;
}

/** One client for the app, with a fresh token on every request. */
export const graph = createClient({
  baseUrl: 'https://graph.microsoft.com/v1.0',
  headers: () => ({ authorization: `Bearer ${currentToken}` }),
});
