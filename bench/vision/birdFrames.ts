import { encode } from 'jpeg-js';

/**
 * Rendered top-view frames of broilers of known weight, for the vision benchmark and tests:
 * white ellipses (birds) on brown litter, each bird's projected area following its weight
 * (area = (weight / k)^(2/3), with a little biological scatter: birds of one area differ in
 * weight by about 2 %), in random postures (elongation and heading), with touching pairs, birds
 * cut by the frame's edge, uneven light and sensor noise. Deterministic for a seed.
 */
export interface RenderedBird {
  cx: number;
  cy: number;
  /** Semi-axes in pixels. */
  a: number;
  b: number;
  angleRad: number;
  weightKg: number;
  /** `single`: alone and whole; `touching`: one of a pair in contact; `edge`: cut by the frame's border. */
  kind: 'single' | 'touching' | 'edge';
}

export interface Scene {
  width: number;
  height: number;
  birds: RenderedBird[];
  jpeg: Buffer;
}

export interface SceneOptions {
  width?: number;
  height?: number;
  singles?: number;
  touchingPairs?: number;
  edgeBirds?: number;
  /** Mean and spread of the flock's weights. */
  meanWeightKg?: number;
  sdWeightKg?: number;
  /** 0: even light; 0.3: the far corners get 30 % less. */
  vignette?: number;
  /** Overall light level (1 = nominal). */
  light?: number;
  /** Sensor noise, gray levels (standard deviation). */
  noise?: number;
  quality?: number;
}

/** This benchmark's camera: a 2.2 kg bird covers 3000 pixels. Unknown to the estimator, which calibrates. */
export const TRUE_KG_PER_PX15 = 2.2 / 3000 ** 1.5;

/** mulberry32: small, fast, deterministic. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** A bird of the flock: its weight and the ellipse it shows from above. */
function drawBird(random: () => number, options: Required<SceneOptions>): Omit<RenderedBird, 'cx' | 'cy' | 'kind'> {
  const weightKg = Math.min(options.meanWeightKg * 1.6, Math.max(options.meanWeightKg * 0.5, options.meanWeightKg + options.sdWeightKg * gaussian(random)));
  const areaPx = (weightKg / TRUE_KG_PER_PX15) ** (2 / 3) * (1 + 0.013 * gaussian(random));
  const elongation = 1.35 + 0.5 * random();
  return { a: Math.sqrt((areaPx * elongation) / Math.PI), b: Math.sqrt(areaPx / (Math.PI * elongation)), angleRad: Math.PI * random(), weightKg };
}

export function renderScene(seed: number, partial: SceneOptions = {}): Scene {
  const options: Required<SceneOptions> = {
    width: 1280,
    height: 720,
    singles: 24,
    touchingPairs: 3,
    edgeBirds: 4,
    meanWeightKg: 2.2,
    sdWeightKg: 0.3,
    vignette: 0.25,
    light: 1,
    noise: 6,
    quality: 90,
    ...partial,
  };
  const random = randomSource(seed);
  const { width, height } = options;
  const birds: RenderedBird[] = [];
  const clearOf = (cx: number, cy: number, radius: number) => birds.every((bird) => Math.hypot(bird.cx - cx, bird.cy - cy) > radius + bird.a + 6);
  for (let i = 0; i < options.touchingPairs; i++) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const first = drawBird(random, options);
      const second = drawBird(random, options);
      const angleRad = Math.PI * random();
      const cx = first.a + 10 + random() * (width - 2 * (first.a + second.a) - 20);
      const cy = first.a + 10 + random() * (height - 2 * (first.a + second.a) - 20);
      // Side by side along the first bird's heading, 4 pixels into each other.
      const distance = first.a + second.a - 4;
      const x2 = cx + Math.cos(angleRad) * distance;
      const y2 = cy + Math.sin(angleRad) * distance;
      if (x2 < second.a + 4 || x2 > width - second.a - 4 || y2 < second.a + 4 || y2 > height - second.a - 4) continue;
      if (!clearOf(cx, cy, first.a) || !clearOf(x2, y2, second.a)) continue;
      birds.push({ ...first, angleRad, cx, cy, kind: 'touching' }, { ...second, angleRad, cx: x2, cy: y2, kind: 'touching' });
      break;
    }
  }
  for (let i = 0; i < options.edgeBirds; i++) {
    const bird = drawBird(random, options);
    const side = i % 4;
    const along = 0.1 + 0.8 * random();
    const cx = side === 0 ? bird.b * 0.3 : side === 1 ? width - bird.b * 0.3 : along * width;
    const cy = side === 2 ? bird.b * 0.3 : side === 3 ? height - bird.b * 0.3 : along * height;
    if (clearOf(cx, cy, bird.a)) birds.push({ ...bird, cx, cy, kind: 'edge' });
  }
  for (let i = 0; i < options.singles; i++) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const bird = drawBird(random, options);
      const cx = bird.a + 4 + random() * (width - 2 * bird.a - 8);
      const cy = bird.a + 4 + random() * (height - 2 * bird.a - 8);
      if (!clearOf(cx, cy, bird.a)) continue;
      birds.push({ ...bird, cx, cy, kind: 'single' });
      break;
    }
  }
  return { width, height, birds, jpeg: rasterize(birds, options, random) };
}

function rasterize(birds: readonly RenderedBird[], options: Required<SceneOptions>, random: () => number): Buffer {
  const { width, height } = options;
  // Coverage of each pixel by birds (anti-aliased edges), then colour, light and noise.
  const coverage = new Float32Array(width * height);
  for (const bird of birds) {
    const cos = Math.cos(bird.angleRad);
    const sin = Math.sin(bird.angleRad);
    const reach = Math.ceil(bird.a) + 2;
    for (let y = Math.max(0, Math.floor(bird.cy - reach)); y <= Math.min(height - 1, Math.ceil(bird.cy + reach)); y++) {
      for (let x = Math.max(0, Math.floor(bird.cx - reach)); x <= Math.min(width - 1, Math.ceil(bird.cx + reach)); x++) {
        const dx = x + 0.5 - bird.cx;
        const dy = y + 0.5 - bird.cy;
        const u = (dx * cos + dy * sin) / bird.a;
        const v = (-dx * sin + dy * cos) / bird.b;
        // Signed distance to the outline, approximately, in pixels (positive inside).
        const radial = Math.sqrt(u * u + v * v);
        const scale = radial > 0 ? Math.sqrt(u * u * bird.a * bird.a + v * v * bird.b * bird.b) / radial : bird.b;
        const inside = (1 - radial) * scale;
        const p = y * width + x;
        coverage[p] = Math.max(coverage[p]!, Math.min(1, Math.max(0, inside + 0.5)));
      }
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  const cx = width / 2;
  const cy = height / 2;
  const maxR2 = cx * cx + cy * cy;
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const light = options.light * (1 - options.vignette * (((x - cx) ** 2 + (y - cy) ** 2) / maxR2));
      const c = coverage[p]!;
      const noise = options.noise * gaussian(random);
      const i = p * 4;
      rgba[i] = clampByte((95 * (1 - c) + 236 * c) * light + noise);
      rgba[i + 1] = clampByte((78 * (1 - c) + 232 * c) * light + noise);
      rgba[i + 2] = clampByte((58 * (1 - c) + 222 * c) * light + noise);
      rgba[i + 3] = 255;
    }
  }
  return encode({ data: rgba, width, height }, options.quality).data;
}

const clampByte = (value: number) => (value < 0 ? 0 : value > 255 ? 255 : Math.round(value));

/** The rendered bird whose outline contains (x, y), if any. */
export function birdAt(birds: readonly RenderedBird[], x: number, y: number): RenderedBird | undefined {
  return birds.find((bird) => {
    const dx = x - bird.cx;
    const dy = y - bird.cy;
    const u = (dx * Math.cos(bird.angleRad) + dy * Math.sin(bird.angleRad)) / bird.a;
    const v = (-dx * Math.sin(bird.angleRad) + dy * Math.cos(bird.angleRad)) / bird.b;
    return u * u + v * v <= 1;
  });
}
