// main.ts imports this module first, so IndexedDB starts opening while Lit and the pages are still
// being evaluated rather than after them: on an offline launch the open is the slowest step.
import { DatabaseService } from './database-service.js';

/** The database of this app instance, already opening. */
export const launchDatabase = new DatabaseService();
void launchDatabase.db().catch(() => undefined);
