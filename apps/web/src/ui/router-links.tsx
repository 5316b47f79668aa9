import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  Card,
  type CardProps,
  Menu,
  type MenuItemProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core'
import { createLink, type LinkComponent } from '@tanstack/react-router'
import type { AnchorHTMLAttributes, Ref } from 'react'

// Mantine components rendered as TanStack Router links, with typed `to`/`params`/`search`.
type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & {
  ref?: Ref<HTMLAnchorElement>
}

function MantineAnchor(props: AnchorProps & AnchorAttributes) {
  return <Anchor component="a" {...props} />
}
function MantineButton(props: ButtonProps & AnchorAttributes) {
  return <Button component="a" {...props} />
}
function MantineCard(props: CardProps & AnchorAttributes) {
  return <Card component="a" {...props} />
}
function MantineNavLink(props: NavLinkProps & Omit<AnchorAttributes, 'onChange'>) {
  return <NavLink component="a" {...props} />
}
function MantineMenuItem(props: MenuItemProps & AnchorAttributes) {
  return <Menu.Item component="a" {...props} />
}

const CreatedAnchorLink = createLink(MantineAnchor)
const CreatedButtonLink = createLink(MantineButton)
const CreatedCardLink = createLink(MantineCard)
const CreatedNavLinkLink = createLink(MantineNavLink)
const CreatedMenuItemLink = createLink(MantineMenuItem)

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink {...props} />
export const ButtonLink: LinkComponent<typeof MantineButton> = (props) => <CreatedButtonLink {...props} />
export const CardLink: LinkComponent<typeof MantineCard> = (props) => <CreatedCardLink {...props} />
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLinkLink {...props} />
export const MenuItemLink: LinkComponent<typeof MantineMenuItem> = (props) => (
  <CreatedMenuItemLink {...props} />
)
