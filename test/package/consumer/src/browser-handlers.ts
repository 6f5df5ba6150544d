// Mocking the service in the browser: the generated handlers under msw's service worker.
import { setupWorker } from 'msw/browser';
import { createStore } from 'odatakit/conformance/handlers';
import { createHandlers, generatedModel } from './generated/handlers.gen.js';

export async function startMocks(): Promise<void> {
  const worker = setupWorker(...createHandlers(generatedModel(), { store: createStore() }));
  await worker.start();
}
