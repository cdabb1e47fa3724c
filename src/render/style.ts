// The style sheet both renderers share: sizes in points, colours as hex.
export const STYLE = {
  page: { width: 595.28, height: 841.89, margin: { top: 64, right: 52, bottom: 56, left: 52 } },
  // Line heights multiply the font's own line (Noto Sans SC: 1.45 em): 1.04 gives body lines of about 1.5 em.
  font: { size: 9.5, lineHeight: 1.04 },
  heading: { 1: 20, 2: 13, 3: 11 },
  small: 8.5,
  /** Table text in the body, and the denser tables of the annex (附件). */
  table: { size: 8.5, annexSize: 7.5, lineHeight: 0.92 },
  /** Notes and lists in the annex. */
  annex: 8,
  colour: {
    text: '#1a1a1a',
    translation: '#555555',
    rule: '#b0b0b0',
    headerFill: '#e8edf3',
    subRow: '#444444',
    accent: '#1f4e79',
  },
  status: { 'status-met': '#2e7d32', 'status-not_met': '#c62828', 'status-pending': '#757575', 'status-qualitative': '#6d4c41', 'status-not_comparable': '#b26a00' } as Record<string, string>,
} as const;

export const contentWidth = STYLE.page.width - STYLE.page.margin.left - STYLE.page.margin.right;
