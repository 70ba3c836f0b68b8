import { Alert, createTheme, Modal, type CSSVariablesResolver } from '@mantine/core';

/** Shade 8: white text on the default (6) fails WCAG AA contrast on filled buttons. */
export const theme = createTheme({
  primaryShade: 8,
  // Icon-only close buttons need a name for screen readers (axe: button-name).
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
  },
});

/** Mantine's "dimmed" text (gray 6 on white) is below WCAG AA contrast: one shade darker passes. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
