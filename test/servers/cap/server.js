// The CAP bookshop on 127.0.0.1 with an in-memory SQLite database, for the conformance tests.
// Port from PORT (0: a free one); prints one JSON line {"url": ...} once it listens.
const path = require('node:path');
const cds = require('@sap/cds');
const express = require('express');

async function main() {
  cds.root = __dirname;
  const app = express();
  cds.app = app;
  const db = await cds.connect.to('db', { kind: 'sqlite', credentials: { url: ':memory:' } });
  const csn = await cds.load([path.join(__dirname, 'db'), path.join(__dirname, 'srv')]);
  cds.model = cds.compile.for.nodejs(csn);
  await cds.deploy(csn).to(db);
  await cds.serve('all').from(cds.model).in(app);
  const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = server.address();
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, service: '/odata/v4/catalog' })}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
