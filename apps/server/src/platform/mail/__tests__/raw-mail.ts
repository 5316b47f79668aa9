/** Just enough MIME parsing for tests: headers, and the decoded text/html parts of a multipart mail. */
export type ParsedMail = { headers: Map<string, string>; contentType: string; parts: Map<string, string> }

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

export function parseRawMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/)
  const headers = splitHeaders(raw.slice(0, split))
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const contentType = headers.get('content-type') ?? ''
  const parts = new Map<string, string>()
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1]
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break
      const at = chunk.search(/\r?\n\r?\n/)
      const partHeaders = splitHeaders(chunk.slice(0, at))
      const type = (partHeaders.get('content-type') ?? '').split(';')[0]!.trim()
      parts.set(
        type,
        decode(chunk.slice(at).replace(/^\r?\n\r?\n/, ''), partHeaders.get('content-transfer-encoding')),
      )
    }
  }
  return { headers, contentType, parts }
}
