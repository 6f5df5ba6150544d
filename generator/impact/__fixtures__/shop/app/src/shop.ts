import { createClient } from '../generated/client.gen.js';

export const client = createClient({ baseUrl: 'https://shop.example/odata' });
