import '@testing-library/jest-dom/vitest'
import { notifications } from '@mantine/notifications'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import { defaultLanguage, i18n } from '../app/i18n/i18n.ts'

// Browser APIs Mantine uses that jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub })
}
Element.prototype.scrollIntoView ??= () => {}
window.scrollTo = () => {}

beforeEach(async () => {
  localStorage.clear()
  document.documentElement.removeAttribute('data-mantine-color-scheme')
  await i18n.changeLanguage(defaultLanguage)
})

afterEach(() => {
  // Mantine keeps notifications in a module-level store: without this they leak into the next test.
  notifications.clean()
  cleanup()
  vi.unstubAllGlobals()
})
