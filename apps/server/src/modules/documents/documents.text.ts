import { extractText } from 'unpdf'

/** Lowercase without accents: how search text is stored and queries are matched. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

/**
 * The text layer of a PDF. Scanned or broken PDFs yield ''; the document is stored either way, so an
 * extraction failure never blocks an upload.
 */
export async function extractPdfText(bytes: Buffer): Promise<string> {
  try {
    // A copy: pdf.js may transfer (detach) the buffer it is given.
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true })
    return text.replace(/\s+/g, ' ').trim().slice(0, 500_000)
  } catch {
    return ''
  }
}
