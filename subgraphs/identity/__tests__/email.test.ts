import { confusableSkeleton } from '../../../lib/text/confusables';
import { normalizeEmail, requireEmail } from '../email';

describe('email addresses', () => {
  it('are NFKC-normalised and lower-cased, so fullwidth letters are the plain ones', () => {
    expect(requireEmail('  Ａｎｎ@Ｓｕｎｒｉｓｅ.Example ')).toBe('ann@sunrise.example');
  });

  it.each([
    '<script>alert(1)</script>@x.example',
    'ann@x',
    'ann@@x.example',
    'a nn@x.example',
    '"ann"@x.example',
    'ann@-x.example',
    'ann.@x.example',
    '@x.example',
    'ann@x.example\u0000',
  ])('refuse %j with BAD_USER_INPUT', (address) => {
    expect(() => requireEmail(address)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('accept plain and internationalised addresses', () => {
    expect(requireEmail('o.brien+barn-2@farm.example')).toBe('o.brien+barn-2@farm.example');
    expect(requireEmail('jürgen@hof.example')).toBe('jürgen@hof.example');
  });
});

describe('a login address', () => {
  it('is normalised as stored, and addresses accepted before the stricter syntax still find their account', () => {
    expect(normalizeEmail('Ａｎｎ@Farm.Example')).toBe('ann@farm.example');
    expect(normalizeEmail('"old.style"@farm.example')).toBe('"old.style"@farm.example');
    expect(() => normalizeEmail('not an address')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});

describe('confusable skeletons (UTS #39)', () => {
  it('are equal for look-alikes: Cyrillic letters, rn for m, 1 for l, invisible characters', () => {
    const ann = confusableSkeleton('ann@farm.example');
    expect(confusableSkeleton('\u0430nn@farm.example')).toBe(ann); // Cyrillic а
    expect(confusableSkeleton('ann@f\u0430rm.\u0435xample')).toBe(ann); // Cyrillic а and е
    expect(confusableSkeleton('an\u200Bn@farm.example')).toBe(ann); // zero-width space
    expect(confusableSkeleton('rnary@farm.example')).toBe(confusableSkeleton('mary@farm.example'));
    expect(confusableSkeleton('bi11@farm.example')).toBe(confusableSkeleton('bill@farm.example'));
  });

  it('differ for addresses a reader tells apart', () => {
    expect(confusableSkeleton('ann@farm.example')).not.toBe(confusableSkeleton('anna@farm.example'));
    expect(confusableSkeleton('ann@farm.example')).not.toBe(confusableSkeleton('ben@farm.example'));
  });
});
