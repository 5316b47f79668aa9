import { Button, Menu, useMatches } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CheckIcon, LanguageIcon } from '../../ui/icons.tsx'
import { changeLanguage, currentLanguage, languages } from '../i18n/i18n.ts'

export function LanguageSwitch() {
  const { t } = useTranslation() // re-renders on language change
  const active = currentLanguage()
  const icon = useMatches({ base: null, sm: <LanguageIcon /> })
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={icon}
          aria-label={t('header.language')}
          title={t('header.language')}
        >
          {active === 'en' ? 'EN' : 'ES'}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.language')}</Menu.Label>
        {languages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void changeLanguage(language)}
            rightSection={language === active ? <CheckIcon size={14} /> : null}
            aria-current={language === active ? 'true' : undefined}
          >
            {t(`header.languages.${language}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
