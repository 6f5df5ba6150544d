import type * as T from '../../generated/types.gen.js';

/** A badge colour per risk level; this enum did not change. */
export function badge(level: T.RiskLevel | null | undefined): string {
  switch (level) {
    case 'low':
      return 'yellow';
    case 'medium':
      return 'orange';
    case 'high':
      return 'red';
    default:
      return 'grey';
  }
}

export function needsReview(user: T.RiskyUser): boolean {
  return user.riskState === 'atRisk' || user.riskState === 'confirmedCompromised';
}
