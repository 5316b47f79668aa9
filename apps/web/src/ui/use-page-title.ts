import { useEffect } from 'react'

/** Sets the document title ("Auditoría · Minga") so tabs, history and screen readers name the page. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Minga` : 'Minga'
  }, [title])
}
