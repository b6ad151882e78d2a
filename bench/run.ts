// `npm run bench`: every benchmark, printed and written to test-results/bench.json.
import { benchBatchDocuments } from './batch-documents';
import { benchChaos } from './chaos';
import { benchClaims } from './claims';
import { benchCustoms } from './customs';
import { benchDay } from './day';
import { benchDrain } from './drain';
import { benchEndOfDay } from './end-of-day';
import { benchFormats } from './formats';
import { benchMulticollo } from './multicollo';
import { benchRasterLoop } from './raster-loop';
import { benchParsing } from './parsing';
import { benchRouting } from './routing';
import { benchScanToPrint } from './scan-to-print';
import { benchShipmentsScreen } from './shipments-screen';
import { benchShipmentsList } from './shipments-list';
import { writeResults, type BenchResult } from './stats';
import { benchTracking } from './tracking';

const results: BenchResult[] = [
  ...(await benchScanToPrint()),
  ...(await benchMulticollo()),
  ...(await benchCustoms()),
  ...(await benchDrain()),
  ...(await benchEndOfDay()),
  ...(await benchChaos()),
  ...(await benchFormats()),
  ...(await benchBatchDocuments()),
  ...(await benchRasterLoop()),
  ...(await benchParsing()),
  ...(await benchRouting()),
  ...(await benchTracking()),
  ...(await benchClaims()),
  // Chromium against the built host: `npm run build` first.
  ...(await benchShipmentsScreen({ screenshots: true })),
  ...(await benchShipmentsList()),
  ...(await benchDay()),
];
writeResults(results);
for (const r of results) {
  console.log(
    `${r.name.padEnd(55)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.p99 !== undefined ? `   p99 ${String(r.p99).padStart(8)} ${r.unit}` : ''}${r.goal ? `   goal: ${r.goal}` : ''}`,
  );
}
console.log('Written to test-results/bench.json');
