// Entry of a real `warden` process for tests, run from the TypeScript sources with tsx.
import { main } from '../../src/cli/main.js';

await main();
