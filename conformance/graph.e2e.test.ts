import { graphSuiteTest } from './graph-suite-test.ts';

graphSuiteTest('graph');
