// Minga web push service worker: shows each push message ({ title, body, url } JSON sent by the
// server's notifications module) and opens or focuses its page on click.
self.addEventListener('push', (event) => {
  let message = { title: 'Minga', body: '', url: '/' }
  try {
    if (event.data) message = { ...message, ...event.data.json() }
  } catch {
    if (event.data) message.body = event.data.text()
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: '/favicon.svg',
      data: { url: message.url || '/' },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const target = new URL(event.notification.data?.url || '/', self.location.origin).href
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((w) => w.url === target)
      if (open) return open.focus()
      const any = windows.find((w) => new URL(w.url).origin === self.location.origin)
      if (any && 'navigate' in any) {
        await any.navigate(target)
        return any.focus()
      }
      return self.clients.openWindow(target)
    })(),
  )
})
