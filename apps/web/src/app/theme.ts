import { createTheme, localStorageColorSchemeManager } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
})

/** Light/dark choice survives reloads under this localStorage key. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'minga.color-scheme' })
