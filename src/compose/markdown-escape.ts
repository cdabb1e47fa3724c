// Escapes data text so that Markdown reads it as plain text.
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]{}<>|#~:!&]/g, '\\$&').replace(/\n/g, ' ');
}
