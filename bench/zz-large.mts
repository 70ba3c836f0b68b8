import { ensureSource, LARGE_SHAPE } from './bench-sources.js';
await ensureSource(LARGE_SHAPE, (l) => console.error(l));
