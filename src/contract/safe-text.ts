import { z } from 'zod';

/**
 * Safe text: the one rule for names, descriptions, label and annotation keys and values. Text
 * that can deceive a reader or break what stores it is refused: lone UTF-16 surrogates (stored
 * as U+FFFD by most systems, so the text read back differs from the text sent), control
 * characters (C0, DEL, C1) and bidirectional overrides and isolates (they reorder what is shown,
 * e.g. a name that reads "key-exe.txt" backwards). Multi-line fields (descriptions, annotation
 * values) may hold tabs and line breaks.
 */
export type UnsafeCharacterKind = 'surrogate' | 'control' | 'bidi';

export interface UnsafeCharacter {
  /** 1-based position, counted in characters (code points), as a person would count. */
  position: number;
  codePoint: number;
  kind: UnsafeCharacterKind;
}

export interface SafeTextOptions {
  /** Allow tab, line feed and carriage return (multi-line text). */
  allowLineBreaks?: boolean;
}

/** Names, keys, label values: one line. */
export const SINGLE_LINE_TEXT: SafeTextOptions = {};
/** Descriptions and annotation values: tabs and line breaks allowed. */
export const MULTI_LINE_TEXT: SafeTextOptions = { allowLineBreaks: true };

const KIND_TEXT: Record<UnsafeCharacterKind, string> = {
  surrogate: 'a lone surrogate, not a character',
  control: 'a control character',
  bidi: 'a bidirectional override or isolate',
};

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isLineBreak = (unit: number) => unit === 0x09 || unit === 0x0a || unit === 0x0d;
const isControl = (unit: number) => unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);
const isBidi = (unit: number) =>
  (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);

/** The first character the rule refuses, or null when the text is safe. */
export function findUnsafeCharacter(
  text: string,
  options: SafeTextOptions = {},
): UnsafeCharacter | null {
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    let kind: UnsafeCharacterKind | null = null;
    if (isHighSurrogate(unit) || isLowSurrogate(unit)) kind = 'surrogate';
    else if (isControl(unit) && !(options.allowLineBreaks && isLineBreak(unit))) kind = 'control';
    else if (isBidi(unit)) kind = 'bidi';
    if (kind) return { position, codePoint: unit, kind };
  }
  return null;
}

/** `character 4 is a control character (U+0007)`. */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  const hex = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `character ${found.position} is ${KIND_TEXT[found.kind]} (U+${hex})`;
}

/** Why the text is refused (`character 4 is ...`), or null when it is safe. */
export function unsafeTextError(text: string, options: SafeTextOptions = {}): string | null {
  const found = findUnsafeCharacter(text, options);
  return found ? describeUnsafeCharacter(found) : null;
}

/** A zod refinement applying the rule; the issue's path names the field. */
export function safeTextCheck(options: SafeTextOptions = {}) {
  return (text: string, ctx: z.RefinementCtx) => {
    const message = unsafeTextError(text, options);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}
