// `npx tsx bench/only.ts customs parsing`: some benchmarks, printed and not written.
import { benchCustoms } from './customs';
import { benchParsing } from './parsing';
const benches: Record<string, () => Promise<unknown>> = { customs: benchCustoms, parsing: benchParsing };
for (const name of process.argv.slice(2)) console.log(await benches[name]?.());
