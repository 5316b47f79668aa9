import type { Motion } from '@minga/contracts'
import type { TFunction } from 'i18next'

/** The label of a motion option: yes / no / abstain in the UI language, the rest as the motion wrote them. */
export function optionLabel(
  t: TFunction,
  motion: Pick<Motion, 'method' | 'options'>,
  optionId: string,
): string {
  if (optionId === 'yes') return t('assemblies.motion.options.yes')
  if (optionId === 'no') return t('assemblies.motion.options.no')
  if (optionId === 'abstain') {
    return motion.method === 'yes-no' || motion.method === 'yes-no-abstain'
      ? t('assemblies.motion.options.abstain')
      : t('assemblies.motion.options.blank')
  }
  return motion.options.find((option) => option.id === optionId)?.label ?? optionId
}

/** A ballot's choice as one readable phrase ("Sí"; "Ana, Luis"; "1. Ana 2. Luis"). */
export function choiceLabel(
  t: TFunction,
  motion: Pick<Motion, 'method' | 'options'>,
  choice: readonly string[],
): string {
  const labels = choice.map((id) => optionLabel(t, motion, id))
  if (motion.method === 'ranked' && !(choice.length === 1 && choice[0] === 'abstain')) {
    return labels.map((label, index) => `${index + 1}. ${label}`).join(' ')
  }
  return labels.join(', ')
}
