// A worker thread's entry: the inference code is TypeScript, loaded through tsx as in the main thread.
require('tsx/cjs');
require('./inferenceWorker.ts');
