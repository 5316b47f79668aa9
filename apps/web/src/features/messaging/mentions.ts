/** The `@query` being typed right before the caret, or null when the caret is not in a mention. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,40})$/u.exec(before)
  if (!match) return null
  const query = match[2] ?? ''
  return { start: caret - query.length - 1, query }
}

/** Replaces the `@query` at `start` with `@Name ` and returns the new text and caret position. */
export function insertMention(text: string, start: number, caret: number, name: string) {
  const inserted = `@${name} `
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length }
}

/** The picked people whose `@Name` is still in the text: the message's explicit `mentions`. */
export function mentionsInText(text: string, picked: { userId: string; name: string }[]): string[] {
  return [...new Set(picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.userId))]
}

/** Splits a body into text and `@Name` parts for the mentioned people (longest names first). */
export function splitMentions(
  body: string,
  names: string[],
): { text: string; mention: boolean; offset: number }[] {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)
  if (sorted.length === 0) return [{ text: body, mention: false, offset: 0 }]
  const escaped = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(@(?:${escaped.join('|')}))`, 'g')
  let offset = 0
  return body
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => {
      const piece = { text: part, mention: sorted.some((n) => part === `@${n}`), offset }
      offset += part.length
      return piece
    })
}
