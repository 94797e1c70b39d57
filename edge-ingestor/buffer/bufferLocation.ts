import path from 'node:path';

/** The folder of the disk buffer inside the data folder (the ingestor holds its lock). */
export const BUFFER_DIR = 'ingestor-buffer';
/** The disk buffer's SQLite file in BUFFER_DIR: the queue and the quarantine. */
export const BUFFER_FILE = 'buffer.sqlite';

export const bufferDirIn = (dataDir: string): string => path.join(dataDir, BUFFER_DIR);
export const bufferFileIn = (dataDir: string): string => path.join(dataDir, BUFFER_DIR, BUFFER_FILE);
