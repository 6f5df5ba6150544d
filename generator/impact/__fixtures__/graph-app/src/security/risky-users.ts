import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export async function atRisk(): Promise<T.RiskyUser[]> {
  const page = await graph.identityProtection.riskyUsers.get({ $filter: "riskState eq 'atRisk'" });
  return items(page);
}

/** Why a user's risk was set: every known detail, checked exhaustively. */
export function explain(detail: T.RiskDetail): string {
  switch (detail) {
    case 'none':
      return 'No detail';
    case 'adminGeneratedTemporaryPassword':
      return 'An admin set a temporary password';
    case 'userPerformedSecuredPasswordChange':
      return 'The user changed their password';
    case 'userPerformedSecuredPasswordReset':
      return 'The user reset their password';
    case 'adminConfirmedSigninSafe':
      return 'An admin confirmed the sign-in safe';
    case 'aiConfirmedSigninSafe':
      return 'Confirmed safe by AI';
    case 'userPassedMFADrivenByRiskBasedPolicy':
      return 'The user passed MFA';
    case 'adminDismissedAllRiskForUser':
      return 'An admin dismissed the risk';
    case 'adminConfirmedSigninCompromised':
      return 'An admin confirmed the sign-in compromised';
    case 'hidden':
      return 'Hidden';
    case 'adminConfirmedUserCompromised':
      return 'An admin confirmed the user compromised';
    case 'unknownFutureValue':
      return 'Unknown';
    case 'adminConfirmedServicePrincipalCompromised':
      return 'An admin confirmed the service principal compromised';
    case 'adminDismissedAllRiskForServicePrincipal':
      return 'An admin dismissed the risk of the service principal';
    case 'm365DAdminDismissedDetection':
      return 'Dismissed in Microsoft 365 Defender';
    case 'userChangedPasswordOnPremises':
      return 'The user changed their password on premises';
    case 'adminDismissedRiskForSignIn':
      return 'An admin dismissed the risk of the sign-in';
    case 'adminConfirmedAccountSafe':
      return 'An admin confirmed the account safe';
    default:
      return assertNever(detail);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected risk detail ${String(value)}`);
}
