import { randomBytes } from 'node:crypto'

/** Tiny files whose first bytes file-type recognizes. */
export const pdfBytes = (note = 'minga') =>
  Buffer.from(
    `%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Note (${note}) >>\nendobj\ntrailer\n<<>>\n%%EOF\n`,
    'latin1',
  )

/** A 1×1 PNG (signature, IHDR, IEND). */
export const pngBytes = () =>
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082',
    'hex',
  )

/** A Windows executable header (MZ, then the PE signature where e_lfanew points). */
export const exeBytes = () => {
  const bytes = Buffer.alloc(512)
  bytes.write('MZ')
  bytes.writeUInt32LE(128, 60)
  bytes.write('PE\0\0', 128, 'latin1')
  return bytes
}

export function multipart(fileName: string, mimeType: string, bytes: Buffer) {
  const boundary = `----minga${randomBytes(8).toString('hex')}`
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${mimeType}\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
