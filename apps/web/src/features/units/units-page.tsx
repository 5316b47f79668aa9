import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import type { Unit, UnitType } from '@minga/contracts'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { BuildingIcon, PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { CoefficientTotals } from './coefficient-totals.tsx'
import { HoldersPanel } from './holders-panel.tsx'
import { ImportModal } from './import-modal.tsx'
import { UNIT_TYPES, UnitForm } from './unit-form.tsx'
import {
  canManageUnits,
  coefficientCheckQuery,
  formatDecimalText,
  formatPercentText,
  myPermissionsQuery,
  unitsQuery,
} from './units-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/units: the building's units with filters, the 100 % check, a drawer per unit and CSV import. */
export function UnitsPage() {
  const { t, i18n } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  usePageTitle(t('units.title'))
  const permissions = useQuery(myPermissionsQuery(slug))
  const canManage = canManageUnits(permissions.data)

  const [q, setQ] = useState('')
  const [building, setBuilding] = useState<string | null>(null)
  const [type, setType] = useState<UnitType | null>(null)
  const [debouncedQ] = useDebouncedValue(q.trim(), 250)
  const filters = {
    q: debouncedQ || undefined,
    building: building ?? undefined,
    type: type ?? undefined,
  }
  const units = useInfiniteQuery(unitsQuery(slug, filters))
  const check = useQuery(coefficientCheckQuery(slug))
  // The towers come from the coefficient check, which groups every unit with a coefficient by building.
  const buildings = (check.data?.byBuilding ?? []).flatMap((b) => (b.building === null ? [] : [b.building]))

  const [editing, setEditing] = useState<Unit | 'new' | null>(null)
  const [importOpened, importModal] = useDisclosure(false)
  const filtered = Boolean(filters.q || filters.building || filters.type)

  const items = units.data?.pages.flatMap((page) => page.items) ?? []
  const selected =
    editing === 'new' || editing === null ? editing : (items.find((u) => u.id === editing.id) ?? editing)

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('units.title')}</Title>
          <Text c="dimmed">{t('units.subtitle')}</Text>
        </div>
        {canManage && (
          <Group gap="xs">
            <Button variant="default" onClick={importModal.open}>
              {t('units.importCsv')}
            </Button>
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
              {t('units.newUnit')}
            </Button>
          </Group>
        )}
      </Group>

      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('units.filters.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={200}
        />
        <Select
          label={t('units.filters.building')}
          placeholder={t('units.filters.allBuildings')}
          data={buildings}
          value={building}
          onChange={setBuilding}
          clearable
          w={180}
        />
        <Select
          label={t('units.filters.type')}
          placeholder={t('units.filters.allTypes')}
          data={UNIT_TYPES.map((value) => ({ value, label: t(`units.types.${value}`) }))}
          value={type}
          onChange={(value) => setType(value as UnitType | null)}
          clearable
          w={180}
        />
      </Group>

      {units.isPending ? (
        <PageLoader />
      ) : !units.data ? (
        <Alert color={isApiError(units.error) && units.error.status === 403 ? 'yellow' : 'red'} role="alert">
          {errorMessage(t, units.error)}
        </Alert>
      ) : items.length === 0 && !filtered ? (
        <EmptyState icon={<BuildingIcon size={26} />} title={t('units.empty')}>
          {t('units.emptyHint')}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label={t('units.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('units.columns.code')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.building')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('units.columns.area')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('units.columns.coefficient')}
                  </Table.Th>
                  <Table.Th scope="col">{t('units.columns.voter')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('units.columns.holders')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed">{t('units.noMatches')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {items.map((unit) => (
                  <Table.Tr key={unit.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" fw={600} onClick={() => setEditing(unit)}>
                        {unit.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`units.types.${unit.type}`)}</Table.Td>
                    <Table.Td>{unit.building ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      {unit.privateArea
                        ? t('units.areaValue', { area: formatDecimalText(unit.privateArea, i18n.language) })
                        : '—'}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {unit.coefficient ? formatPercentText(unit.coefficient, i18n.language) : '—'}
                    </Table.Td>
                    <Table.Td>
                      {unit.voter ? (
                        unit.voter.name
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('units.noVoter')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{unit.holdersInForce}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {check.data && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th colSpan={4} scope="row">
                      {t('units.totals.label', { count: check.data.unitCount })}
                    </Table.Th>
                    <Table.Th ta="right" ff="monospace">
                      {formatPercentText(check.data.sum, i18n.language)}
                    </Table.Th>
                    <Table.Th colSpan={2}>
                      <CoefficientTotals check={check.data} />
                    </Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Table.ScrollContainer>
          {units.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={units.isFetchingNextPage}
                onClick={() => units.fetchNextPage()}
              >
                {t('units.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={
          selected === 'new' || selected === null
            ? t('units.form.createTitle')
            : t('units.form.editTitle', { code: selected.code })
        }
      >
        {selected !== null && (
          <Stack gap="xl">
            <UnitForm
              key={selected === 'new' ? 'new' : `${selected.id}-${selected.version}`}
              slug={slug}
              unit={selected === 'new' ? null : selected}
              canManage={canManage}
              onDone={(saved) => setEditing(saved)}
            />
            {selected !== 'new' && <HoldersPanel slug={slug} unitId={selected.id} canManage={canManage} />}
          </Stack>
        )}
      </Drawer>
      <ImportModal slug={slug} opened={importOpened} onClose={importModal.close} />
    </Stack>
  )
}
