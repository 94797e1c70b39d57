import type { GrayFrame } from './jpegFrame';

/**
 * Classical segmentation of a top-view frame of a broiler house: white birds on darker litter.
 *
 * 1. One global threshold (Otsu) splits bird from litter pixels; lighting that varies over the
 *    house moves the boundary a little, which step 3 undoes.
 * 2. Connected components (4-neighbourhood, two passes with union-find over typed arrays) are the
 *    blobs: one bird, or several touching, or debris.
 * 3. Each blob's area is measured with sub-pixel precision from intensities ("partial volume"):
 *    every pixel near the blob counts the fraction (gray − local litter) / (local bird − local
 *    litter) of a bird it holds. That is insensitive to the threshold, anti-aliased edges and the
 *    local light, which matters because weight goes with area^1.5 (1 % area = 1.5 % weight).
 * 4. Shape features for the confidence (birdConfidence.ts): solidity (area / convex hull area:
 *    touching or overlapping birds have a waist), whether the blob touches the frame's edge.
 */
export interface Blob {
  /** Bounding box in pixels: left, top, width, height. */
  box: { x: number; y: number; width: number; height: number };
  /** Pixels of the blob after thresholding. */
  pixelCount: number;
  /** Sub-pixel projected area (step 3), in pixels. */
  areaPx: number;
  centroid: { x: number; y: number };
  /** Pixel count / convex hull area: about 1 for one bird seen whole, lower for birds touching. */
  solidity: number;
  touchesEdge: boolean;
}

/** Blobs smaller than this are litter, feathers or noise, not birds. */
export const MIN_BLOB_PIXELS = 80;

/** Otsu's threshold: the gray level that best separates the histogram into two classes. */
export function otsuThreshold(gray: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < gray.length; i++) histogram[gray[i]!]! += 1;
  const total = gray.length;
  let sumAll = 0;
  for (let level = 0; level < 256; level++) sumAll += level * histogram[level]!;
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 127;
  for (let level = 0; level < 256; level++) {
    weightBelow += histogram[level]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

function find(parent: Int32Array, label: number): number {
  let root = label;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[label] !== root) {
    const next = parent[label]!;
    parent[label] = root;
    label = next;
  }
  return root;
}

/** Labels 4-connected foreground pixels (`gray > threshold`); 0 is background. Returns the labels and how many there are. */
export function labelComponents(frame: GrayFrame, threshold: number): { labels: Int32Array; count: number } {
  const { width, height, gray } = frame;
  const labels = new Int32Array(width * height);
  // Provisional labels, at most one per pixel in the worst case (a checkerboard).
  let parent = new Int32Array(1024);
  let next = 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const p = row + x;
      if (gray[p]! <= threshold) continue;
      const left = x > 0 ? labels[p - 1]! : 0;
      const up = y > 0 ? labels[p - width]! : 0;
      if (left === 0 && up === 0) {
        if (next >= parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        labels[p] = next++;
      } else if (left !== 0 && up !== 0) {
        const a = find(parent, left);
        const b = find(parent, up);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        labels[p] = Math.min(a, b);
      } else {
        labels[p] = left || up;
      }
    }
  }
  // Second pass: roots numbered 1..count.
  const finalOf = new Int32Array(next);
  let count = 0;
  for (let label = 1; label < next; label++) {
    const root = find(parent, label);
    if (finalOf[root] === 0) finalOf[root] = ++count;
    finalOf[label] = finalOf[root]!;
  }
  for (let p = 0; p < labels.length; p++) if (labels[p] !== 0) labels[p] = finalOf[labels[p]!]!;
  return { labels, count };
}

/** Area of the convex hull of the pixel squares given by each row's leftmost and rightmost pixel. */
function hullArea(rowMin: Int32Array, rowMax: Int32Array, top: number): number {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < rowMin.length; i++) {
    if (rowMin[i]! > rowMax[i]!) continue;
    const y = top + i;
    points.push([rowMin[i]!, y], [rowMin[i]!, y + 1], [rowMax[i]! + 1, y], [rowMax[i]! + 1, y + 1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const point of points) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, point) <= 0) lower.pop();
    lower.push(point);
  }
  const upper: Array<[number, number]> = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, point) <= 0) upper.pop();
    upper.push(point);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  let twice = 0;
  for (let i = 0; i < hull.length; i++) {
    const [x1, y1] = hull[i]!;
    const [x2, y2] = hull[(i + 1) % hull.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** The blobs of a frame (MIN_BLOB_PIXELS or more), with their sub-pixel areas and shape features. */
export function segmentBirds(frame: GrayFrame): Blob[] {
  const { width, height, gray } = frame;
  const threshold = otsuThreshold(gray);
  const { labels, count } = labelComponents(frame, threshold);
  const minX = new Int32Array(count + 1).fill(width);
  const minY = new Int32Array(count + 1).fill(height);
  const maxX = new Int32Array(count + 1).fill(-1);
  const maxY = new Int32Array(count + 1).fill(-1);
  const pixels = new Int32Array(count + 1);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const label = labels[p]!;
      if (label === 0) continue;
      pixels[label]! += 1;
      if (x < minX[label]!) minX[label] = x;
      if (x > maxX[label]!) maxX[label] = x;
      if (y < minY[label]!) minY[label] = y;
      if (y > maxY[label]!) maxY[label] = y;
    }
  }
  const blobs: Blob[] = [];
  for (let label = 1; label <= count; label++) {
    if (pixels[label]! < MIN_BLOB_PIXELS) continue;
    blobs.push(measureBlob(frame, labels, label, { x0: minX[label]!, y0: minY[label]!, x1: maxX[label]!, y1: maxY[label]! }, pixels[label]!));
  }
  return blobs;
}

/** The ring of litter around a blob that its local litter level is read from, in pixels. */
const RING_PX = 3;

function measureBlob(frame: GrayFrame, labels: Int32Array, label: number, box: { x0: number; y0: number; x1: number; y1: number }, pixelCount: number): Blob {
  const { width, height, gray } = frame;
  const x0 = Math.max(0, box.x0 - RING_PX);
  const y0 = Math.max(0, box.y0 - RING_PX);
  const x1 = Math.min(width - 1, box.x1 + RING_PX);
  const y1 = Math.min(height - 1, box.y1 + RING_PX);
  // Local bird level: the blob's inner pixels (all four neighbours in the blob); local litter: background pixels in the ring.
  let innerSum = 0;
  let innerCount = 0;
  let litterSum = 0;
  let litterCount = 0;
  let sumX = 0;
  let sumY = 0;
  const rowMin = new Int32Array(box.y1 - box.y0 + 1).fill(width);
  const rowMax = new Int32Array(box.y1 - box.y0 + 1).fill(-1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = y * width + x;
      const own = labels[p]!;
      if (own === label) {
        sumX += x;
        sumY += y;
        const i = y - box.y0;
        if (x < rowMin[i]!) rowMin[i] = x;
        if (x > rowMax[i]!) rowMax[i] = x;
        const inner =
          x > 0 &&
          x < width - 1 &&
          y > 0 &&
          y < height - 1 &&
          labels[p - 1] === label &&
          labels[p + 1] === label &&
          labels[p - width] === label &&
          labels[p + width] === label;
        if (inner) {
          innerSum += gray[p]!;
          innerCount += 1;
        }
      } else if (own === 0 && (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1)) {
        litterSum += gray[p]!;
        litterCount += 1;
      }
    }
  }
  const bird = innerCount > 0 ? innerSum / innerCount : 255;
  const litter = litterCount > 0 ? litterSum / litterCount : 0;
  const contrast = Math.max(1, bird - litter);
  // Partial volume over the blob and the litter next to it (not other blobs): litter pixels
  // count unclamped, so their noise averages out instead of adding up.
  let areaPx = 0;
  for (let y = Math.max(0, box.y0 - 1); y <= Math.min(height - 1, box.y1 + 1); y++) {
    for (let x = Math.max(0, box.x0 - 1); x <= Math.min(width - 1, box.x1 + 1); x++) {
      const p = y * width + x;
      const own = labels[p]!;
      const fraction = (gray[p]! - litter) / contrast;
      if (own === label) areaPx += Math.min(1, Math.max(0, fraction));
      else if (own === 0 && nextTo(labels, width, height, x, y, label)) areaPx += Math.min(1, Math.max(-1, fraction));
    }
  }
  return {
    box: { x: box.x0, y: box.y0, width: box.x1 - box.x0 + 1, height: box.y1 - box.y0 + 1 },
    pixelCount,
    areaPx: Math.max(0, areaPx),
    centroid: { x: sumX / pixelCount, y: sumY / pixelCount },
    solidity: Math.min(1, pixelCount / Math.max(1, hullArea(rowMin, rowMax, box.y0))),
    touchesEdge: box.x0 === 0 || box.y0 === 0 || box.x1 === width - 1 || box.y1 === height - 1,
  };
}

/** Whether a pixel has a pixel of `label` among its 8 neighbours. */
function nextTo(labels: Int32Array, width: number, height: number, x: number, y: number, label: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const ny = y + dy;
    if (ny < 0 || ny >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      if (nx >= 0 && nx < width && labels[ny * width + nx] === label) return true;
    }
  }
  return false;
}
