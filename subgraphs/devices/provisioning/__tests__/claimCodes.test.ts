import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { claimCodeMatches, claimLink, generateClaimCode, hashClaimCode, normalizeClaimCode, parseClaimLink, qrCodeSvg } from '../claimCodes';

describe('claim codes', () => {
  it('are 20 Crockford symbols in groups of four, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateClaimCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  });

  it('match when typed in lower case, without dashes, or with O for 0 and l for 1', () => {
    const code = 'AB01-CD01-EF01-GH01-JK01';
    const stored = hashClaimCode(normalizeClaimCode(code)!);
    expect(claimCodeMatches(stored, 'ab01cd01ef01gh01jk01')).toBe(true);
    expect(claimCodeMatches(stored, 'abOl-cdO1-ef01-gh01-jk01')).toBe(true);
    expect(claimCodeMatches(stored, 'AB01-CD01-EF01-GH01-JK02')).toBe(false);
    expect(claimCodeMatches(stored, 'too short')).toBe(false);
  });

  it('travel in a farmiq://claim link that reads back whole, even with unusual serials', () => {
    const link = claimLink('SN 42/7&x', 'AB01-CD01-EF01-GH01-JK01');
    expect(parseClaimLink(link)).toEqual({ serialNumber: 'SN 42/7&x', claimCode: 'AB01-CD01-EF01-GH01-JK01' });
    expect(parseClaimLink('https://claim?serial=a&code=b')).toBeNull();
    expect(parseClaimLink('farmiq://claim?serial=a')).toBeNull();
  });

  it('print as an SVG QR code whose modules a scanner reads back as the claim link', async () => {
    const link = claimLink('SN-1', generateClaimCode());
    const svg = await qrCodeSvg(link);
    expect(svg.startsWith('<svg')).toBe(true);
    // Rasterise the same symbol (same text and error correction) and scan it like a phone would.
    const png = PNG.sync.read(await QRCode.toBuffer(link, { errorCorrectionLevel: 'M', margin: 2, scale: 4 }));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
  });
});
