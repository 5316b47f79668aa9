import { createMemoryHistory } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App, createApp } from '../app/app.tsx'

/** Render the whole app (providers, router, pages) at `path`, with fetch already faked by the test. */
export function renderApp(path: string) {
  const history = createMemoryHistory({ initialEntries: [path] })
  const { router, queryClient } = createApp({ history })
  // No retry back-off in tests: a failure shows at once.
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const user = userEvent.setup()
  const view = render(<App router={router} queryClient={queryClient} env="test" />)
  return { ...view, router, queryClient, user }
}
