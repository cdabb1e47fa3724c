// Projects grouped by sector and status in one pass, in the catalogue's order of sectors and statuses.
import { PROJECT_STATUSES, SECTORS, type ProjectStatus, type Sector } from './types.js';

export interface ProjectGroup<P> {
  sector: Sector;
  status: ProjectStatus;
  items: P[];
}

/** The non-empty groups of `projects`, sectors in SECTORS order and statuses within them in PROJECT_STATUSES order. */
export function projectGroups<P extends { sector: Sector; status: ProjectStatus }>(projects: readonly P[]): ProjectGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const p of projects) {
    const key = `${p.sector}|${p.status}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return SECTORS.flatMap((sector) => PROJECT_STATUSES.flatMap((status) => {
    const items = groups.get(`${sector}|${status}`);
    return items ? [{ sector, status, items }] : [];
  }));
}
