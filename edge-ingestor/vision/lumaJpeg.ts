import { InvalidImageError, type GrayFrame } from './jpegFrame';

/**
 * A baseline JPEG decoder that produces only the luminance plane (the first component).
 *
 * Why its own decoder: the segmentation reads one gray byte per pixel, and jpeg-js spends most
 * of a frame's time on work we throw away: the inverse DCT of both chroma planes, per-line
 * arrays, and generic bit reading one bit per call. Here the chroma coefficients are still
 * Huffman-decoded (the bit stream interleaves them with luminance, so they must be read) but
 * only skipped, never dequantized or transformed; a scan that carries no luminance is jumped
 * over whole; Huffman codes of up to 9 bits are read with one table look-up.
 *
 * The inverse DCT is jpeg-js's own (pdf.js's integer Loeffler transform) step for step, so a
 * frame decodes to the same bytes jpeg-js gives for its first component: the weights do not
 * change with the decoder (a test holds that).
 *
 * Scope: baseline and extended sequential Huffman frames with 8-bit samples (SOF0, SOF1): what
 * IP cameras and most encoders write. Anything else (progressive, arithmetic coding, 12-bit,
 * lossless, a height given later by DNL) returns `undefined`, and the caller falls back to
 * jpeg-js. Corrupt data throws InvalidImageError.
 */

/** Natural-order index of the k-th coefficient in zig-zag order. */
const ZIGZAG = Int32Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22,
  15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

/** Codes this long or shorter are decoded with one look-up. */
const FAST_BITS = 9;

interface HuffmanTable {
  /** Indexed by the next FAST_BITS bits: (length << 8) | symbol, or 0 for a longer code. */
  fast: Uint16Array;
  /** Per code length 1..16: the largest code of that length (−1: none), the smallest, and where its symbols start. */
  maxCode: Int32Array;
  minCode: Int32Array;
  valueOffset: Int32Array;
  symbols: Uint8Array;
}

function buildHuffman(counts: Uint8Array, symbols: Uint8Array): HuffmanTable {
  const table: HuffmanTable = {
    fast: new Uint16Array(1 << FAST_BITS),
    maxCode: new Int32Array(18).fill(-1),
    minCode: new Int32Array(17),
    valueOffset: new Int32Array(17),
    symbols,
  };
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const count = counts[length - 1]!;
    table.valueOffset[length] = k;
    table.minCode[length] = code;
    for (let i = 0; i < count; i++, k++, code++) {
      if (length <= FAST_BITS) {
        const first = code << (FAST_BITS - length);
        table.fast.fill((length << 8) | symbols[k]!, first, first + (1 << (FAST_BITS - length)));
      }
    }
    if (code > 1 << length) throw new InvalidImageError('undecodable JPEG image: a Huffman table has more codes than its lengths allow');
    if (count > 0) table.maxCode[length] = code - 1;
    code <<= 1;
  }
  return table;
}

/** MSB-first bit reader over entropy-coded data: removes stuffed zero bytes, stops at a marker (then reads zeros). */
class BitReader {
  private buffer = 0;
  private count = 0;
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  private fill(): void {
    const bytes = this.bytes;
    while (this.count <= 24) {
      let byte = 0;
      const position = this.position;
      if (position < bytes.length) {
        byte = bytes[position]!;
        if (byte === 0xff) {
          const next = bytes[position + 1];
          if (next === 0x00) this.position = position + 2;
          else byte = 0; // a marker: leave it for the caller, read zeros meanwhile
        } else this.position = position + 1;
      }
      this.buffer = (this.buffer << 8) | byte;
      this.count += 8;
    }
  }

  /** Drops the bits left of the current byte (before a restart marker). */
  reset(): void {
    this.buffer = 0;
    this.count = 0;
  }

  decode(table: HuffmanTable): number {
    if (this.count < 16) this.fill();
    const entry = table.fast[(this.buffer >>> (this.count - FAST_BITS)) & ((1 << FAST_BITS) - 1)]!;
    if (entry !== 0) {
      this.count -= entry >> 8;
      return entry & 0xff;
    }
    for (let length = FAST_BITS + 1; length <= 16; length++) {
      const code = (this.buffer >>> (this.count - length)) & ((1 << length) - 1);
      if (code <= table.maxCode[length]!) {
        this.count -= length;
        return table.symbols[table.valueOffset[length]! + code - table.minCode[length]!]!;
      }
    }
    throw new InvalidImageError('undecodable JPEG image: a Huffman code matches no table entry');
  }

  /** `size` bits as the signed value JPEG's EXTEND gives them. */
  receiveExtend(size: number): number {
    if (this.count < size) this.fill();
    this.count -= size;
    const value = (this.buffer >>> this.count) & ((1 << size) - 1);
    return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
  }

  skip(size: number): void {
    if (this.count < size) this.fill();
    this.count -= size;
  }
}

interface Component {
  id: number;
  h: number;
  v: number;
  quantizationTable: number;
  blocksPerLine: number;
  blocksPerColumn: number;
}

const DCT_COS1 = 4017;
const DCT_SIN1 = 799;
const DCT_COS3 = 3406;
const DCT_SIN3 = 2276;
const DCT_COS6 = 1567;
const DCT_SIN6 = 3784;
const DCT_SQRT2 = 5793;
const DCT_SQRT1D2 = 2896;

/** jpeg-js's quantizeAndInverse, writing the 8 × 8 block into the plane (cropped at its edges). */
function inverseDctInto(p: Int32Array, out: Uint8Array, width: number, height: number, x0: number, y0: number): void {
  let v0, v1, v2, v3, v4, v5, v6, v7, t;
  for (let row = 0; row < 64; row += 8) {
    if (p[1 + row] === 0 && p[2 + row] === 0 && p[3 + row] === 0 && p[4 + row] === 0 && p[5 + row] === 0 && p[6 + row] === 0 && p[7 + row] === 0) {
      t = (DCT_SQRT2 * p[row]! + 512) >> 10;
      p.fill(t, row, row + 8);
      continue;
    }
    v0 = (DCT_SQRT2 * p[row]! + 128) >> 8;
    v1 = (DCT_SQRT2 * p[4 + row]! + 128) >> 8;
    v2 = p[2 + row]!;
    v3 = p[6 + row]!;
    v4 = (DCT_SQRT1D2 * (p[1 + row]! - p[7 + row]!) + 128) >> 8;
    v7 = (DCT_SQRT1D2 * (p[1 + row]! + p[7 + row]!) + 128) >> 8;
    v5 = p[3 + row]! << 4;
    v6 = p[5 + row]! << 4;
    t = (v0 - v1 + 1) >> 1;
    v0 = (v0 + v1 + 1) >> 1;
    v1 = t;
    t = (v2 * DCT_SIN6 + v3 * DCT_COS6 + 128) >> 8;
    v2 = (v2 * DCT_COS6 - v3 * DCT_SIN6 + 128) >> 8;
    v3 = t;
    t = (v4 - v6 + 1) >> 1;
    v4 = (v4 + v6 + 1) >> 1;
    v6 = t;
    t = (v7 + v5 + 1) >> 1;
    v5 = (v7 - v5 + 1) >> 1;
    v7 = t;
    t = (v0 - v3 + 1) >> 1;
    v0 = (v0 + v3 + 1) >> 1;
    v3 = t;
    t = (v1 - v2 + 1) >> 1;
    v1 = (v1 + v2 + 1) >> 1;
    v2 = t;
    t = (v4 * DCT_SIN3 + v7 * DCT_COS3 + 2048) >> 12;
    v4 = (v4 * DCT_COS3 - v7 * DCT_SIN3 + 2048) >> 12;
    v7 = t;
    t = (v5 * DCT_SIN1 + v6 * DCT_COS1 + 2048) >> 12;
    v5 = (v5 * DCT_COS1 - v6 * DCT_SIN1 + 2048) >> 12;
    v6 = t;
    p[row] = v0 + v7;
    p[7 + row] = v0 - v7;
    p[1 + row] = v1 + v6;
    p[6 + row] = v1 - v6;
    p[2 + row] = v2 + v5;
    p[5 + row] = v2 - v5;
    p[3 + row] = v3 + v4;
    p[4 + row] = v3 - v4;
  }
  for (let col = 0; col < 8; col++) {
    if (p[8 + col] === 0 && p[16 + col] === 0 && p[24 + col] === 0 && p[32 + col] === 0 && p[40 + col] === 0 && p[48 + col] === 0 && p[56 + col] === 0) {
      t = (DCT_SQRT2 * p[col]! + 8192) >> 14;
      for (let r = 0; r < 64; r += 8) p[r + col] = t;
      continue;
    }
    v0 = (DCT_SQRT2 * p[col]! + 2048) >> 12;
    v1 = (DCT_SQRT2 * p[32 + col]! + 2048) >> 12;
    v2 = p[16 + col]!;
    v3 = p[48 + col]!;
    v4 = (DCT_SQRT1D2 * (p[8 + col]! - p[56 + col]!) + 2048) >> 12;
    v7 = (DCT_SQRT1D2 * (p[8 + col]! + p[56 + col]!) + 2048) >> 12;
    v5 = p[24 + col]!;
    v6 = p[40 + col]!;
    t = (v0 - v1 + 1) >> 1;
    v0 = (v0 + v1 + 1) >> 1;
    v1 = t;
    t = (v2 * DCT_SIN6 + v3 * DCT_COS6 + 2048) >> 12;
    v2 = (v2 * DCT_COS6 - v3 * DCT_SIN6 + 2048) >> 12;
    v3 = t;
    t = (v4 - v6 + 1) >> 1;
    v4 = (v4 + v6 + 1) >> 1;
    v6 = t;
    t = (v7 + v5 + 1) >> 1;
    v5 = (v7 - v5 + 1) >> 1;
    v7 = t;
    t = (v0 - v3 + 1) >> 1;
    v0 = (v0 + v3 + 1) >> 1;
    v3 = t;
    t = (v1 - v2 + 1) >> 1;
    v1 = (v1 + v2 + 1) >> 1;
    v2 = t;
    t = (v4 * DCT_SIN3 + v7 * DCT_COS3 + 2048) >> 12;
    v4 = (v4 * DCT_COS3 - v7 * DCT_SIN3 + 2048) >> 12;
    v7 = t;
    t = (v5 * DCT_SIN1 + v6 * DCT_COS1 + 2048) >> 12;
    v5 = (v5 * DCT_COS1 - v6 * DCT_SIN1 + 2048) >> 12;
    v6 = t;
    p[col] = v0 + v7;
    p[56 + col] = v0 - v7;
    p[8 + col] = v1 + v6;
    p[48 + col] = v1 - v6;
    p[16 + col] = v2 + v5;
    p[40 + col] = v2 - v5;
    p[24 + col] = v3 + v4;
    p[32 + col] = v3 - v4;
  }
  const rows = Math.min(8, height - y0);
  const cols = Math.min(8, width - x0);
  for (let y = 0; y < rows; y++) {
    const line = (y0 + y) * width + x0;
    for (let x = 0; x < cols; x++) {
      const sample = 128 + ((p[y * 8 + x]! + 8) >> 4);
      out[line + x] = sample < 0 ? 0 : sample > 255 ? 255 : sample;
    }
  }
}

interface ScanComponent {
  component: Component;
  index: number;
  dc: HuffmanTable;
  ac: HuffmanTable;
}

/** State of one frame being decoded. */
interface Frame {
  width: number;
  height: number;
  components: Component[];
  maxH: number;
  maxV: number;
  gray: Uint8Array;
}

/** Finds the next marker at or after `position` (skipping entropy-coded bytes, stuffing and restart markers). */
function nextMarker(bytes: Uint8Array, position: number): number {
  for (let i = position; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const code = bytes[i + 1]!;
    if (code !== 0x00 && code !== 0xff && (code < 0xd0 || code > 0xd7)) return i;
  }
  return bytes.length;
}

/** Decodes one scan's entropy-coded data from `position`; returns where its data ends. */
function decodeScan(bytes: Uint8Array, position: number, frame: Frame, scan: ScanComponent[], quantization: Int32Array[], restartInterval: number): number {
  const luma = scan.find((entry) => entry.index === 0);
  if (!luma) return nextMarker(bytes, position);
  const reader = new BitReader(bytes, position);
  const q = quantization[luma.component.quantizationTable];
  if (!q) throw new InvalidImageError('undecodable JPEG image: a quantization table is missing');
  const block = new Int32Array(64);
  const predictions = new Int32Array(scan.length);
  const single = scan.length === 1;
  const mcusPerLine = single ? luma.component.blocksPerLine : Math.ceil(frame.width / 8 / frame.maxH);
  const mcusPerColumn = single ? luma.component.blocksPerColumn : Math.ceil(frame.height / 8 / frame.maxV);
  const mcuCount = mcusPerLine * mcusPerColumn;
  const { gray, width, height } = frame;

  const readBlock = (entry: ScanComponent, slot: number, x0: number, y0: number) => {
    const t = reader.decode(entry.dc);
    const diff = t === 0 ? 0 : reader.receiveExtend(t);
    if (entry.index !== 0) {
      // Chroma: read past its coefficients.
      for (let k = 1; k < 64;) {
        const rs = reader.decode(entry.ac);
        const s = rs & 15;
        if (s === 0) {
          if (rs >> 4 < 15) break;
          k += 16;
          continue;
        }
        k += (rs >> 4) + 1;
        reader.skip(s);
      }
      return;
    }
    predictions[slot] = predictions[slot]! + diff;
    block.fill(0);
    block[0] = predictions[slot]! * q[0]!;
    for (let k = 1; k < 64;) {
      const rs = reader.decode(entry.ac);
      const s = rs & 15;
      const r = rs >> 4;
      if (s === 0) {
        if (r < 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw new InvalidImageError('undecodable JPEG image: a block has more than 64 coefficients');
      const z = ZIGZAG[k]!;
      block[z] = reader.receiveExtend(s) * q[z]!;
      k += 1;
    }
    if (x0 < width && y0 < height) inverseDctInto(block, gray, width, height, x0, y0);
  };

  for (let mcu = 0; mcu < mcuCount; mcu++) {
    if (restartInterval > 0 && mcu > 0 && mcu % restartInterval === 0) {
      // Expect RSTn where the reader stopped: realign to the byte after it and restart the DC predictions.
      reader.reset();
      const marker = nextMarkerOrRestart(bytes, reader.position);
      if (marker >= bytes.length) break;
      if (bytes[marker + 1]! >= 0xd0 && bytes[marker + 1]! <= 0xd7) reader.position = marker + 2;
      predictions.fill(0);
    }
    const mcuRow = Math.floor(mcu / mcusPerLine);
    const mcuCol = mcu - mcuRow * mcusPerLine;
    if (single) {
      readBlock(scan[0]!, 0, mcuCol * 8, mcuRow * 8);
      continue;
    }
    for (let slot = 0; slot < scan.length; slot++) {
      const entry = scan[slot]!;
      const { h, v } = entry.component;
      for (let by = 0; by < v; by++) for (let bx = 0; bx < h; bx++) readBlock(entry, slot, (mcuCol * h + bx) * 8, (mcuRow * v + by) * 8);
    }
  }
  return nextMarker(bytes, reader.position);
}

function nextMarkerOrRestart(bytes: Uint8Array, position: number): number {
  for (let i = position; i < bytes.length - 1; i++) if (bytes[i] === 0xff && bytes[i + 1] !== 0x00 && bytes[i + 1] !== 0xff) return i;
  return bytes.length;
}

/**
 * The luminance plane of a baseline JPEG, or `undefined` for a kind of JPEG this decoder leaves
 * to jpeg-js. Throws InvalidImageError for bytes it cannot make sense of.
 */
export function decodeLumaJpeg(bytes: Uint8Array, maxPixels: number): GrayFrame | undefined {
  const quantization: Int32Array[] = [];
  const dcTables: HuffmanTable[] = [];
  const acTables: HuffmanTable[] = [];
  let restartInterval = 0;
  let frame: Frame | undefined;
  let position = 2;
  const segment = () => {
    if (position + 4 > bytes.length) throw new InvalidImageError('truncated JPEG image: a segment runs past the end');
    const length = (bytes[position + 2]! << 8) | bytes[position + 3]!;
    const end = position + 2 + length;
    if (length < 2 || end > bytes.length) throw new InvalidImageError('truncated JPEG image: a segment runs past the end');
    return { start: position + 4, end };
  };
  while (position < bytes.length - 1) {
    if (bytes[position] !== 0xff) throw new InvalidImageError(`undecodable JPEG image: expected a marker at byte ${position}`);
    const marker = bytes[position + 1]!;
    if (marker === 0xff) {
      position += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // end of image
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      position += 2;
      continue;
    }
    const { start, end } = segment();
    switch (marker) {
      case 0xdb: {
        for (let i = start; i < end;) {
          const precision = bytes[i]! >> 4;
          const id = bytes[i]! & 15;
          i += 1;
          const table = new Int32Array(64);
          for (let k = 0; k < 64; k++, i += precision ? 2 : 1) table[ZIGZAG[k]!] = precision ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
          quantization[id] = table;
        }
        break;
      }
      case 0xc4: {
        for (let i = start; i < end;) {
          const kind = bytes[i]! >> 4;
          const id = bytes[i]! & 15;
          const counts = bytes.subarray(i + 1, i + 17);
          const total = counts.reduce((sum, count) => sum + count, 0);
          const symbols = bytes.slice(i + 17, i + 17 + total);
          if (counts.length < 16 || symbols.length < total) throw new InvalidImageError('truncated JPEG image: a Huffman table runs past its segment');
          (kind === 0 ? dcTables : acTables)[id] = buildHuffman(counts, symbols);
          i += 17 + total;
        }
        break;
      }
      case 0xc0:
      case 0xc1: {
        if (bytes[start] !== 8) return undefined;
        const height = (bytes[start + 1]! << 8) | bytes[start + 2]!;
        const width = (bytes[start + 3]! << 8) | bytes[start + 4]!;
        const count = bytes[start + 5]!;
        if (height === 0 || width === 0 || count === 0) return undefined;
        if (width * height > maxPixels) throw new InvalidImageError(`JPEG image too large: ${width} × ${height}`);
        const components: Component[] = [];
        for (let c = 0; c < count; c++) {
          const at = start + 6 + c * 3;
          const h = Math.max(1, bytes[at + 1]! >> 4);
          const v = Math.max(1, bytes[at + 1]! & 15);
          components.push({ id: bytes[at]!, h, v, quantizationTable: bytes[at + 2]!, blocksPerLine: 0, blocksPerColumn: 0 });
        }
        const maxH = Math.max(...components.map((component) => component.h));
        const maxV = Math.max(...components.map((component) => component.v));
        for (const component of components) {
          component.blocksPerLine = Math.ceil((Math.ceil(width / 8) * component.h) / maxH);
          component.blocksPerColumn = Math.ceil((Math.ceil(height / 8) * component.v) / maxV);
        }
        frame = { width, height, components, maxH, maxV, gray: new Uint8Array(width * height) };
        break;
      }
      case 0xdd:
        restartInterval = (bytes[start]! << 8) | bytes[start + 1]!;
        break;
      case 0xda: {
        if (!frame) throw new InvalidImageError('undecodable JPEG image: image data before the frame header');
        const count = bytes[start]!;
        const scan: ScanComponent[] = [];
        for (let c = 0; c < count; c++) {
          const at = start + 1 + c * 2;
          const index = frame.components.findIndex((component) => component.id === bytes[at]);
          const dc = dcTables[bytes[at + 1]! >> 4];
          const ac = acTables[bytes[at + 1]! & 15];
          if (index < 0 || !dc || !ac) throw new InvalidImageError('undecodable JPEG image: a scan names a missing component or Huffman table');
          scan.push({ component: frame.components[index]!, index, dc, ac });
        }
        position = decodeScan(bytes, end, frame, scan, quantization, restartInterval);
        continue;
      }
      default:
        // Other frame kinds (progressive, lossless, arithmetic, hierarchical): jpeg-js's job.
        if ((marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xdc) return undefined;
        break; // APPn, COM and others: skipped
    }
    position = end;
  }
  if (!frame) throw new InvalidImageError('undecodable JPEG image: no frame header');
  return { width: frame.width, height: frame.height, gray: frame.gray };
}
