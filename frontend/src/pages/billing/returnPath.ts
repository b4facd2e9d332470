/** The page that asked for the upgrade, kept for the tab while the payer is away at a provider,
 * so the return page can lead back to it. */
import { safeReturnPath } from '../../lib/billing';

const KEY = 'cl_billing_return';

export function rememberReturnPath(path: string | null): void {
  try {
    const safe = safeReturnPath(path);
    if (safe) window.sessionStorage.setItem(KEY, safe);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the return page links to billing instead.
  }
}

export function recallReturnPath(): string | null {
  try {
    return safeReturnPath(window.sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}
