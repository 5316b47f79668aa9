import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { catalogLanguage } from '../../app/i18n/i18n.ts'
import { BuildingIcon, ModuleIcon } from '../../ui/icons.tsx'
import { CardLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { moduleLabel } from './module-label.ts'
import { moduleCatalogQuery, orgQuery } from './orgs-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

export function OrgHomePage() {
  const { t, i18n } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { data: catalog } = useQuery(moduleCatalogQuery)
  const language = catalogLanguage(i18n.language)
  usePageTitle(org.name)

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Group gap="sm" align="center">
          <Title order={1}>{org.name}</Title>
          <Badge variant="light">{t(`orgs.roles.${org.role}`)}</Badge>
        </Group>
        <Text c="dimmed" data-testid="org-kind">
          {t(`orgs.kinds.${org.kind}`)}
        </Text>
      </div>

      <Card withBorder radius="md" padding="lg">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon size={44} radius="md" variant="light">
            <BuildingIcon size={24} />
          </ThemeIcon>
          <Stack gap={6}>
            <Title order={2} size="h3">
              {t('orgs.home.welcomeTitle', { name: org.name })}
            </Title>
            <Text>{t('orgs.home.welcomeBody')}</Text>
            <Group gap="lg" mt={4}>
              <Text size="sm" c="dimmed">
                {t('orgs.home.timezone')}: <b>{org.timezone}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('orgs.home.currency')}: <b>{org.currency}</b>
              </Text>
            </Group>
          </Stack>
        </Group>
      </Card>

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('orgs.home.modulesTitle')}
        </Title>
        {org.enabledModules.length === 0 ? (
          <Text c="dimmed">{t('orgs.home.noModules')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {org.enabledModules.map((key) => {
              const description = catalog?.items.find((module) => module.key === key)?.description[language]
              return (
                <CardLink
                  key={key}
                  to="/o/$org/$module"
                  params={{ org: org.slug, module: key }}
                  withBorder
                  radius="md"
                  padding="md"
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ModuleIcon style={{ flexShrink: 0 }} />
                    <div>
                      <Text fw={600}>{moduleLabel(key, catalog?.items, i18n)}</Text>
                      {description ? (
                        <Text size="sm" c="dimmed">
                          {description}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                </CardLink>
              )
            })}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  )
}
