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

/** Types some browsers and operating systems declare for a format file-type names otherwise. */
const mimeAliases: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-zip-compressed': 'application/zip',
  'application/x-pdf': 'application/pdf',
}

/** Legacy Office files are one container format (CFB); their extension tells which. */
const cfbTypes: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
}

/** What browsers declare for text files (Windows calls a CSV `application/vnd.ms-excel`). */
const textDeclarations = new Set([
  'application/json',
  'application/csv',
  'application/x-csv',
  'application/vnd.ms-excel',
])

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
    const legacyOffice = detected.ext === 'cfb' ? cfbTypes[ext] : undefined
    mime = legacyOffice ?? detected.mime
    if (!vagueTypes.has(declared) && declared !== mime) throw new FileRejectedError('type_mismatch', mime)
    if (ext && ext !== detected.ext && !legacyOffice) {
      throw new FileRejectedError('extension_mismatch', detected.mime)
    }
  } else {
    if (bytes.subarray(0, 2).toString('latin1') === '#!') throw new FileRejectedError('executable')
    if (!looksLikeText(bytes)) throw new FileRejectedError('unrecognized')
    const fromExt = ext ? textTypes[ext] : 'text/plain'
    if (!fromExt) throw new FileRejectedError('extension_mismatch', 'text/plain')
    const textLike = declared.startsWith('text/') || textDeclarations.has(declared)
    if (!vagueTypes.has(declared) && declared !== fromExt && !textLike) {
      throw new FileRejectedError('type_mismatch', fromExt)
    }
    mime = fromExt
  }
  if (input.allowed && !input.allowed.map(normalizeMime).includes(mime)) {
    throw new FileRejectedError('not_allowed', mime)
  }
  return mime
}

/**
 * No NUL or other control bytes besides tab, newlines and form feed. UTF-8 is not required: CSV
 * exported by Excel in Colombia is often Windows-1252 (tildes and eñes as single bytes).
 */
function looksLikeText(bytes: Buffer): boolean {
  for (const byte of bytes.subarray(0, 64 * 1024)) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false
  }
  return true
}
