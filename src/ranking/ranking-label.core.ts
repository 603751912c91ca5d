/**
 * The fate of every candidate assignment of a published roster: proposed by the optimiser
 * and kept, proposed and removed (or moved) by a manager, or added by a manager. A moved
 * shift is one REMOVED and one ADDED. Pure.
 */
export type AssignmentFate = 'KEPT' | 'REMOVED' | 'ADDED';

export interface LabelledShift {
  staffId: string;
  date: string;
  shiftTemplateId: string;
  skill: string;
}

export interface AssignmentLabel extends LabelledShift {
  fate: AssignmentFate;
}

const keyOf = (a: LabelledShift): string => `${a.staffId}|${a.date}|${a.shiftTemplateId}|${a.skill}`;

const plain = (a: LabelledShift): LabelledShift => ({
  staffId: a.staffId,
  date: a.date,
  shiftTemplateId: a.shiftTemplateId,
  skill: a.skill,
});

export function labelAssignments(proposed: LabelledShift[], published: LabelledShift[]): AssignmentLabel[] {
  const publishedKeys = new Set(published.map(keyOf));
  const proposedKeys = new Set(proposed.map(keyOf));
  return [
    ...proposed.map(
      (a) => ({ ...plain(a), fate: publishedKeys.has(keyOf(a)) ? 'KEPT' : 'REMOVED' }) as const,
    ),
    ...published
      .filter((a) => !proposedKeys.has(keyOf(a)))
      .map((a) => ({ ...plain(a), fate: 'ADDED' }) as const),
  ];
}

/** Share of published assignments a manager changed by hand (added ones over all published). */
export function interventionRate(labels: AssignmentLabel[]): number | null {
  const published = labels.filter((l) => l.fate !== 'REMOVED').length;
  if (published === 0) return null;
  return labels.filter((l) => l.fate === 'ADDED').length / published;
}
