/**
 * Whether a file's first bytes are those of the type it declares. The browser's type comes from the
 * file name, so a renamed program (Windows executables start with "MZ") would otherwise go out to
 * the customer as "foto.png".
 */

type Signature = (bytes: Uint8Array) => boolean;

const startsWith =
  (...expected: number[]): Signature =>
  (bytes) =>
    expected.every((value, i) => bytes[i] === value);

const text = (value: string, offset = 0): Signature => (bytes) => [...value].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

// ISO base media (MP4, M4A, 3GP): a box size, then "ftyp".
const isoMedia = text("ftyp", 4);
// MPEG audio frames (MP3) and AAC in ADTS start with an 11- or 12-bit run of ones.
const mpegFrame: Signature = (bytes) => bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0;
// Office 97–2003 files are OLE2 compound documents; the current ones (docx, xlsx, pptx) ZIP archives.
const ole2 = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
// Text has no NUL bytes; every executable and binary format has them early on.
const plainText: Signature = (bytes) => !bytes.subarray(0, 8192).includes(0);

const SIGNATURES: Record<string, Signature[]> = {
  "image/jpeg": [startsWith(0xff, 0xd8, 0xff)],
  "image/png": [startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  "audio/aac": [mpegFrame, text("ADIF")],
  "audio/mp4": [isoMedia],
  "audio/mpeg": [text("ID3"), mpegFrame],
  "audio/amr": [text("#!AMR")],
  "audio/ogg": [text("OggS")],
  "video/mp4": [isoMedia],
  "video/3gpp": [isoMedia],
  "application/pdf": [text("%PDF")],
  "text/plain": [plainText],
  "application/msword": [ole2],
  "application/vnd.ms-excel": [ole2],
  "application/vnd.ms-powerpoint": [ole2],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [zip],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [zip],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": [zip],
};

/** False for a type without a known signature: only the types of ATTACHMENT_RULES are ever accepted. */
export function contentMatchesType(bytes: Uint8Array, mimeType: string): boolean {
  return (SIGNATURES[mimeType] ?? []).some((matches) => matches(bytes));
}
