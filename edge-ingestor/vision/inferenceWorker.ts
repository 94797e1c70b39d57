import { parentPort, workerData } from 'node:worker_threads';
import type { Calibration } from './calibration';
import { estimateJpeg } from './estimateWeights';
import type { JpegDecoderName } from './jpegFrame';

/** What the pool gives a worker when it starts it. */
export interface WorkerStart {
  decoder: JpegDecoderName;
}

const { decoder } = (workerData ?? { decoder: 'luma' }) as WorkerStart;

/** A frame to estimate, as the pool sends it. */
export interface WorkerRequest {
  id: number;
  jpeg: Uint8Array;
  calibration: Calibration | undefined;
}

export type WorkerReply =
  | { id: number; ok: true; estimate: ReturnType<typeof estimateJpeg>; cpuMs: number; wallMs: number }
  | { id: number; ok: false; error: { name: string; message: string } };

parentPort?.on('message', (request: WorkerRequest) => {
  const started = process.cpuUsage();
  const startedAtMs = performance.now();
  let reply: WorkerReply;
  try {
    const estimate = estimateJpeg(request.jpeg, request.calibration, decoder);
    const used = process.cpuUsage(started);
    reply = { id: request.id, ok: true, estimate, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - startedAtMs };
  } catch (error) {
    const { name, message } = error as Error;
    reply = { id: request.id, ok: false, error: { name, message } };
  }
  parentPort!.postMessage(reply);
});
// Loaded: the pool starts a frame's clock from here.
parentPort?.postMessage({ ready: true });
