// Which language messages for the user are in: Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG = zh_…), else English.
export function localeIsChinese(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale);
}
