/**
 * The V8 limits of the ingestor process on a farm box (1–2 GiB of memory, often ARM), shipped
 * as its NODE_OPTIONS in every deployment (deploy/topology.ts). Without them V8 sizes its heap
 * for the machine, lets garbage pile up towards that size between full collections, and the
 * resident size of an ingestor buffering a long outage swings by hundreds of MiB. The buffer
 * itself is on disk (SQLite); the JS heap holds a batch or two, the MQTT client's in-flight
 * messages and the code, about 40 MiB in use.
 *
 * - `--max-old-space-size=128`: full collections start early, and the heap stays near its use.
 *   With 1,000,000 messages flooding into the buffer, 96 and 128 both held RSS flat at 130–155
 *   MiB (heap in use ≤ 51 MiB); 128 leaves room for the camera vision (VISION=on) in the same
 *   process. (An earlier 200,000 run died at 96: the PUBACK write queue, fixed in
 *   mqtt/deferredPuback.ts.)
 * - `--max-semi-space-size=4`: the young generation (3 × the semi-space) stays at 12 MiB
 *   instead of growing to 48 MiB under a message flood.
 *
 * A box with more to spare can raise them (NODE_OPTIONS replaces the whole value).
 */
export const EDGE_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=4';
