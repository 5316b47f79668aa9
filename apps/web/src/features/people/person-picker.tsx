import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { PersonListItem, PersonPage } from '@minga/contracts'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { apiFetch } from '../../app/api-client.ts'

type Option = { value: string; label: string }

const optionOf = (p: PersonListItem): Option => ({
  value: p.id,
  label: `${p.displayName} · ${p.documentType} ${p.documentNumber}`,
})

/**
 * Picks a person of the org by name or document, searched on the server as the user types (the same
 * accent- and typo-tolerant search as the people list). Other features use it to name a person.
 */
export function PersonPicker({
  slug,
  label,
  value,
  onChange,
  error,
  required,
  placeholder,
  nothingFoundMessage,
}: {
  slug: string
  label: string
  placeholder?: string
  nothingFoundMessage?: string
  value: string | null
  onChange: (personId: string | null) => void
  error?: string | undefined
  required?: boolean
}) {
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState<Option | null>(null)
  const [q] = useDebouncedValue(search.trim(), 250)
  const typed = q.length >= 2 && q !== chosen?.label
  const results = useQuery({
    queryKey: ['orgs', 'bySlug', slug, 'people', 'picker', q],
    // POST: a typed document number must not end up in a URL (server and proxy logs).
    queryFn: ({ signal }) =>
      apiFetch<PersonPage>(`/api/v1/orgs/${encodeURIComponent(slug)}/people/search`, {
        method: 'POST',
        body: { q, limit: 10 },
        signal,
      }),
    enabled: typed,
    placeholderData: keepPreviousData,
  })
  const options = typed ? (results.data?.items.map(optionOf) ?? []) : []
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      required={required}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (accents, typos): show its results as they are.
      filter={({ options: all }) => all}
      nothingFoundMessage={typed && !results.isFetching ? nothingFoundMessage : undefined}
      onChange={(id, option) => {
        setChosen(id ? option : null)
        onChange(id)
      }}
      error={error}
    />
  )
}
