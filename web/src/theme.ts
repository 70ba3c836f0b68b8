import { Alert, createTheme, defaultVariantColorsResolver, Modal, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Light variants (alerts, light badges and buttons) write their text in shade 6–8 of the color
 * on a pale background, under WCAG AA contrast: shade 9 passes.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor) return { ...colors, color: `var(--mantine-color-${parsed.color}-9)` };
  return colors;
};

/** Shade 8: white text on the default (6) fails WCAG AA contrast on filled buttons. */
export const theme = createTheme({
  primaryShade: 8,
  variantColorResolver,
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
