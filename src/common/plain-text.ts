/**
 * Free text a person types (names, notes) holds no control characters and no Unicode
 * non-characters: a staff name with U+FFFF was stored and made the roster XLSX's sheet XML
 * not well-formed, and NUL or ESC went raw into CSV exports. Inputs are refused with
 * `unsafeTextProblem`; exports pass stored (legacy) text through `xmlSafeText`.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** C0 controls but tab, LF and CR; DEL and C1; lone surrogates; non-characters (U+FFFE, U+FDD0 …). */
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** What XML 1.0 cannot hold at all: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu;

/** `field: must not contain …` naming the first offending character, or null when the text is plain. */
export function unsafeTextProblem(field: string, text: string): string | null {
  const m = UNSAFE_TEXT.exec(text);
  if (!m) return null;
  const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `${field} must not contain control characters or non-characters, found U+${code} at ${m.index}`;
}

/** `text` with every character XML 1.0 forbids replaced by U+FFFD (a valid workbook from any stored text). */
export const xmlSafeText = (text: string): string => text.replace(XML_ILLEGAL, '\uFFFD');

/** The string field (with `{ each: true }`, each element) holds no control characters or non-characters. */
export const IsPlainText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isPlainText',
      validator: {
        validate: (value) => typeof value !== 'string' || !UNSAFE_TEXT.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} must not contain control characters or non-characters`,
      },
    },
    options,
  );
