import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fullGarbageCollection } from '../generator/cli/garbage-collection.ts';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { buildModel } from '../generator/model/build/build-model.ts';
import { corpusAvailable, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { median, type BenchResult } from './measure.ts';

/**
 * Building the model of Graph v1.0 beside fast-xml-parser's bare parse of the same file
 * (default options: attributes ignored), and beside the floor of what we must do with
 * the parser alone: a validating pass plus a parse that keeps attributes.
 */
export default async function modelBench(): Promise<BenchResult[]> {
  if (!corpusAvailable) return [];
  const text = readFileSync(GRAPH_CSDL, 'utf8');
  const bare = await median(7, () => new XMLParser().parse(text));
  const floor = await median(7, () => {
    XMLValidator.validate(text);
    new XMLParser({ ignoreAttributes: false, processEntities: false }).parse(text);
  });
  let operations = 0;
  const build = await median(7, () => {
    operations = buildModel([{ file: GRAPH_CSDL, text }], new DiagnosticCollector()).operations.length;
  });
  // What the model holds once built: the heap after a full collection, before and after.
  const collect = fullGarbageCollection()!;
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const model = buildModel([{ file: GRAPH_CSDL, text }], new DiagnosticCollector());
  collect();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return [
    {
      name: 'model: build graph-v1.0.xml (3.5 MB)',
      ms: build,
      baseline: { name: 'fast-xml-parser bare parse', ms: bare },
      notes: `${operations} operations, model heap ~${heapMiB.toFixed(0)} MiB (${Object.keys(model.types).length} types)`,
    },
    { name: 'model: build graph-v1.0.xml, against the parser floor', ms: build, baseline: { name: 'validate + parse with attributes', ms: floor } },
  ];
}
