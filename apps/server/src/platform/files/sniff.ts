import { extname } from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import { FileRejectedError } from './file-rejection.ts'

/** Binary formats that run code: refused whatever they are called. */
const executableMimes = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-dosexec',
  'application/x-elf',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/x-msi',
  'application/x-ms-installer',
  'application/x-apple-diskimage',
  'application/vnd.android.package-archive',
  'application/java-archive',
  'application/java-vm',
  'application/x-java-applet',
  'application/wasm',
  'application/vnd.android.dex',
  'application/x-sh',
  'application/x-shellscript',
  'application/javascript',
  'text/javascript',
  'application/x-httpd-php',
  'text/html',
  'application/xhtml+xml',
])

/** Names that a desktop or a browser would run or render as active content. */
const executableExtensions = new Set(
  'exe dll com scr msi msp bat cmd ps1 psm1 vbs vbe js mjs cjs jse wsf wsh hta sh bash zsh csh ksh py pl rb php phtml jar apk app dmg deb rpm elf so dylib bin run cpl lnk reg html htm xhtml shtml jsp asp aspx wasm'.split(
    ' ',
  ),
)

/** Formats with no magic number: accepted only when they read as text. */
const textTypes: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  md: 'text/markdown',
}

/** Extensions that name the same format file-type reports under another extension. */
const extensionAliases: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif', htm: 'html' }

/** Declared types that say nothing about the content. */
const vagueTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

const mimeAliases: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' }

const normalizeMime = (mime: string) => {
  const bare = mime.split(';')[0]?.trim().toLowerCase() ?? ''
  return mimeAliases[bare] ?? bare
}

export type SniffInput = {
  bytes: Buffer
  originalName: string
  declaredMimeType?: string | undefined
  allowed?: readonly string[] | undefined
}

/**
 * The file's real type, read from its first bytes: a mismatch with the declared type or the
 * name's extension (an .exe renamed .pdf), and anything executable, is refused.
 */
export async function sniffMimeType(input: SniffInput): Promise<string> {
  const { bytes } = input
  if (bytes.length === 0) throw new FileRejectedError('empty')
  const rawExt = extname(input.originalName).slice(1).toLowerCase()
  const ext = extensionAliases[rawExt] ?? rawExt
  const declared = normalizeMime(input.declaredMimeType ?? '')
  if (executableExtensions.has(rawExt) || executableMimes.has(declared)) {
    throw new FileRejectedError('executable')
  }
  const detected = await fileTypeFromBuffer(bytes)
  let mime: string
  if (detected) {
    if (executableMimes.has(detected.mime)) throw new FileRejectedError('executable', detected.mime)
    if (!vagueTypes.has(declared) && declared !== detected.mime) {
      throw new FileRejectedError('type_mismatch', detected.mime)
    }
    if (ext && ext !== detected.ext) throw new FileRejectedError('extension_mismatch', detected.mime)
    mime = detected.mime
  } else {
    if (bytes.subarray(0, 2).toString('latin1') === '#!') throw new FileRejectedError('executable')
    if (!looksLikeText(bytes)) throw new FileRejectedError('unrecognized')
    const fromExt = ext ? textTypes[ext] : 'text/plain'
    if (!fromExt) throw new FileRejectedError('extension_mismatch', 'text/plain')
    if (!vagueTypes.has(declared) && declared !== fromExt && declared !== 'text/plain') {
      throw new FileRejectedError('type_mismatch', fromExt)
    }
    mime = fromExt
  }
  if (input.allowed && !input.allowed.map(normalizeMime).includes(mime)) {
    throw new FileRejectedError('not_allowed', mime)
  }
  return mime
}

/** Valid UTF-8 with no NUL or other control bytes besides tab, newlines and form feed. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024)
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimUtf8(sample) : sample)
    return true
  } catch {
    return false
  }
}

/** Drops a multi-byte character cut at the end of a sample. */
function trimUtf8(sample: Buffer): Buffer {
  let end = sample.length
  while (end > 0 && end > sample.length - 4 && ((sample[end - 1] ?? 0) & 0xc0) === 0x80) end--
  if (end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0xc0) end--
  return sample.subarray(0, end)
}
