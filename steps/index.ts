import { registerAccountSteps } from './account.steps.ts';
import type { StepApi } from './api.ts';
import { registerCheckoutSteps } from './checkout.steps.ts';
import { registerHelpSteps } from './help.steps.ts';
import { registerMobileSteps } from './mobile.steps.ts';
import { registerOracleSteps } from './oracle.steps.ts';
import { registerSessionSteps } from './session.steps.ts';
import { registerWalletAccountSteps } from './wallet-account.steps.ts';
import { registerWalletSteps } from './wallet.steps.ts';

/** Every step of the suite, for whichever runner calls it. */
export function registerSteps(api: StepApi): void {
  api.defineParameterType({ name: 'brand', regexp: /VISA|Mastercard/, transformer: (text) => text });
  registerSessionSteps(api);
  registerCheckoutSteps(api);
  registerAccountSteps(api);
  registerWalletSteps(api);
  registerWalletAccountSteps(api);
  registerHelpSteps(api);
  registerMobileSteps(api);
  registerOracleSteps(api);
}
