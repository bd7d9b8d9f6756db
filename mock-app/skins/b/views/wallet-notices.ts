import { html } from 'hono/html';
import type { WalletNotices } from '../../../domain/wallet.ts';
import { fill } from '../texts.ts';
import { PAY } from '../texts-wallet.ts';

/** Northwind Pay's mail and texts; `walletUrl` is the wallet origin its "Verify email address" link opens. */
export function walletNoticesB(walletUrl: string): WalletNotices {
  return {
    confirmation: async (token) => {
      const link = `${walletUrl}/wallet/verify-email?code=${token}`;
      return {
        subject: PAY.mail.subject,
        text: fill(PAY.mail.text, { link }),
        html: String(await html`<p>${PAY.mail.intro}</p><p><a href="${link}">${PAY.mail.link}</a></p>`),
      };
    },
    checkDebit: ({ amount, card }) => fill(PAY.mail.sms, { amount, card }),
  };
}
