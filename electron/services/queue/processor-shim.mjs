// The queue processor from the TypeScript sources (no bundle: tsx, tests without esbuild).
// BullMQ imports this file in its worker thread; tsx is registered there first.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./processor.ts');
export default mod.default;
