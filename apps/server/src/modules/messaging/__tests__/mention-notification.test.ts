import { describe, expect, it } from 'vitest'
import { mentionNotificationType } from '../mentions.ts'

const payload = {
  orgSlug: 'la-minga',
  conversationId: '0190f5a2-0000-7000-8000-000000000001',
  messageId: '0190f5a2-0000-7000-8000-000000000002',
  authorName: 'Ana',
  excerpt: '¿Revisas el acta?',
}

describe('messaging.mention notification type', () => {
  it('renders in Spanish and English with a link to the conversation', () => {
    expect(mentionNotificationType.render(payload, 'es')).toEqual({
      title: 'Ana te mencionó en un mensaje',
      body: '¿Revisas el acta?',
      url: '/o/la-minga/messages/0190f5a2-0000-7000-8000-000000000001',
    })
    expect(mentionNotificationType.render(payload, 'en').title).toBe('Ana mentioned you in a message')
  })

  it('is in-app and email by default, digestable, not critical, and validates its payload', () => {
    expect(mentionNotificationType).toMatchObject({
      key: 'messaging.mention',
      defaultChannels: ['in_app', 'email'],
      digestable: true,
    })
    expect(mentionNotificationType.critical).toBeFalsy()
    expect(mentionNotificationType.payload.safeParse({ ...payload, messageId: 'x' }).success).toBe(false)
  })
})
