// Preloaded (node --require) into each process the peer bench starts: appends the process's
// peak resident set size in KiB to the file in ODATAKIT_BENCH_RSS when it exits, so that the
// bench can compare the peak memory of two CLIs without a platform tool.
const { appendFileSync } = require('node:fs');

const file = process.env.ODATAKIT_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  });
}
