import { MantineProvider } from '@mantine/core'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { i18n } from '../../app/i18n/i18n.ts'
import { theme } from '../../app/theme.ts'

/** Render one assembly component with the app's theme and i18n (no router, no server). */
export function renderPart(ui: ReactElement) {
  const user = userEvent.setup()
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        {ui}
      </MantineProvider>
    </I18nextProvider>,
  )
  return { ...view, user }
}
