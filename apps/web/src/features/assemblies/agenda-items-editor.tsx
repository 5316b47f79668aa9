import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PlusIcon, TrashIcon } from '../../ui/icons.tsx'

/** The agenda as a list of titles: add, edit and remove items before creating the assembly. */
export function AgendaItemsEditor({
  items,
  onChange,
  error,
}: {
  items: string[]
  onChange: (items: string[]) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('assemblies.create.agenda')}
      </Text>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are plain titles edited in place
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            style={{ flex: 1 }}
            label={t('assemblies.create.agendaItem', { number: index + 1 })}
            value={item}
            onChange={(event) =>
              onChange(items.map((value, i) => (i === index ? event.currentTarget.value : value)))
            }
            maxLength={200}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={24}
            aria-label={t('assemblies.create.removeAgendaItem', { number: index + 1 })}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            <TrashIcon size={18} />
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text c="red" size="sm">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          leftSection={<PlusIcon size={16} />}
          onClick={() => onChange([...items, ''])}
        >
          {t('assemblies.create.addAgendaItem')}
        </Button>
      </Group>
    </Stack>
  )
}
