import type { StepApi } from './api.ts';

export function registerSessionSteps({ Given, When }: StepApi) {
  Given('a signed-in buyer', async function () {
    await this.signInFreshBuyer();
  });

  Given('a signed-in buyer without a wallet account', async function () {
    await this.signInFreshBuyer();
  });

  When('the buyer opens a new tab', async function () {
    this.page = await this.page.context().newPage();
  });
}
