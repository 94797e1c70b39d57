import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Calibration } from './calibration';
import type { FrameEstimate } from './estimateWeights';
import type { WorkerReply, WorkerRequest, WorkerStart } from './inferenceWorker';
import { InvalidImageError, requireWholeJpeg, type JpegDecoderName } from './jpegFrame';

/** The frame took longer than the pool's per-image timeout; its worker was replaced. */
export class TimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`frame inference took longer than ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The frame waited in a full queue and a newer one took its place. */
export class FrameDroppedError extends Error {
  constructor() {
    super('frame dropped: the inference queue was full and newer frames came');
    this.name = 'FrameDroppedError';
  }
}

export interface InferencePoolOptions {
  /** Worker threads (frames estimated at once). */
  workers: number;
  /** Longest inference of one frame; past it the frame fails with TimeoutError and its worker is replaced. */
  timeoutMs: number;
  /** Frames waiting for a worker; one more drops the oldest waiting (FrameDroppedError, counted). */
  maxQueued: number;
  /** `luma` (default): the luminance-only decoder; `jpeg-js`: the full decoder, the benchmark's baseline. */
  decoder?: JpegDecoderName;
}

export interface InferenceResult {
  estimate: FrameEstimate;
  /** CPU time of the inference in its worker. */
  cpuMs: number;
}

interface Job {
  request: Omit<WorkerRequest, 'id'>;
  resolve(result: InferenceResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded the inference code (its first message). */
  ready: boolean;
  /** `timer` is unset while the thread is still loading. */
  job?: Job & { id: number; timer?: NodeJS.Timeout };
}

const WORKER_FILE = path.join(__dirname, 'inferenceWorker.cjs');

/**
 * Frame inference off the event loop: a fixed set of worker threads, a bounded queue in front.
 * Why drop the OLDEST: a camera's frames are a stream, and the newest one shows the barn as it
 * is; a frame that waited behind a burst is the least useful one (the durable buffer's policy,
 * for the same reason). Why replace a worker on timeout: a JavaScript loop cannot be
 * interrupted from outside, so the only way to stop a runaway inference is to end its thread.
 * Why the clock starts when the thread is ready: a new thread loads the inference code first,
 * which on a busy box takes longer than a frame's whole budget; counting it would time out the
 * first frame of every fresh worker, and replace it with another that has to load again.
 */
export class InferencePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Frames dropped from the full queue since the pool started. */
  dropped = 0;
  /** Frames that timed out. */
  timedOut = 0;

  constructor(private readonly options: InferencePoolOptions) {
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push(this.spawn());
  }

  /** Frames waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Estimates the birds in a JPEG frame. Rejects with InvalidImageError (not a whole JPEG, at
   * once), TimeoutError, FrameDroppedError, or an Error when the pool is closed.
   */
  estimate(jpeg: Uint8Array, calibration: Calibration | undefined): Promise<InferenceResult> {
    if (this.closed) return Promise.reject(new Error('the inference pool is closed'));
    try {
      requireWholeJpeg(jpeg);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<InferenceResult>((resolve, reject) => {
      const job: Job = { request: { jpeg, calibration }, resolve, reject };
      const idle = this.slots.find((slot) => !slot.job);
      if (idle) return this.run(idle, job);
      this.queue.push(job);
      while (this.queue.length > this.options.maxQueued) {
        this.dropped += 1;
        this.queue.shift()!.reject(new FrameDroppedError());
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the inference pool is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) {
          clearTimeout(slot.job.timer);
          slot.job.reject(new Error('the inference pool is closed'));
          slot.job = undefined;
        }
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    // tsx loads the TypeScript in the thread; no inherited flags (a test runner's) are needed there.
    const workerData: WorkerStart = { decoder: this.options.decoder ?? 'luma' };
    const slot: Slot = { worker: new Worker(WORKER_FILE, { execArgv: [], workerData }), ready: false };
    slot.worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job && !slot.job.timer) slot.job.timer = this.startTimer(slot);
        return;
      }
      this.settle(slot, reply);
    });
    slot.worker.on('error', (error) => this.replace(slot, error));
    // An idle thread must not keep the process alive; one with a frame must (see run).
    slot.worker.unref();
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    const id = this.nextId++;
    slot.job = { ...job, id, timer: slot.ready ? this.startTimer(slot) : undefined };
    // A caller awaiting this frame with nothing else pending (a script, the benchmark) would
    // otherwise see the process exit 0 under it, the promise never settled.
    slot.worker.ref();
    // A copy the worker owns: the caller's buffer stays usable.
    const request: WorkerRequest = { id, jpeg: Uint8Array.from(job.request.jpeg), calibration: job.request.calibration };
    slot.worker.postMessage(request, [request.jpeg.buffer as ArrayBuffer]);
  }

  private startTimer(slot: Slot): NodeJS.Timeout {
    return setTimeout(() => {
      this.timedOut += 1;
      this.replace(slot, new TimeoutError(this.options.timeoutMs));
    }, this.options.timeoutMs);
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker.unref();
    // A worker's 'ready' and its answer can reach a busy main thread together, before the timer
    // could fire: the worker's own clock decides then.
    if (reply.ok && reply.wallMs > this.options.timeoutMs) {
      this.timedOut += 1;
      job.reject(new TimeoutError(this.options.timeoutMs));
    } else if (reply.ok) job.resolve({ estimate: reply.estimate, cpuMs: reply.cpuMs });
    else job.reject(reply.error.name === 'InvalidImageError' ? new InvalidImageError(reply.error.message) : new Error(reply.error.message));
    this.next(slot);
  }

  /** Ends a worker (timed out or crashed), fails its frame and puts a fresh worker in its place. */
  private replace(slot: Slot, error: Error): void {
    const job = slot.job;
    if (job) clearTimeout(job.timer);
    slot.job = undefined;
    void slot.worker.terminate();
    job?.reject(error);
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const fresh = this.spawn();
    this.slots[index] = fresh;
    this.next(fresh);
  }

  private next(slot: Slot): void {
    const job = this.queue.shift();
    if (job) this.run(slot, job);
  }
}
