import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { buildModel } from '../generator/model/build/build-model.ts';
import { corpusAvailable, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { median, type BenchResult } from './measure.ts';

/** Building the model of Graph v1.0 beside fast-xml-parser's bare parse of the same file. */
export default async function modelBench(): Promise<BenchResult[]> {
  if (!corpusAvailable) return [];
  const text = readFileSync(GRAPH_CSDL, 'utf8');
  const bare = await median(5, () => new XMLParser().parse(text));
  let operations = 0;
  const build = await median(5, () => {
    operations = buildModel([{ file: GRAPH_CSDL, text }], new DiagnosticCollector()).operations.length;
  });
  return [
    {
      name: 'model: build graph-v1.0.xml (3.5 MB)',
      ms: build,
      baseline: { name: 'fast-xml-parser bare parse', ms: bare },
      notes: `${operations} operations`,
    },
  ];
}
