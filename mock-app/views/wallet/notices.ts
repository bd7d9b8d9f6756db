import { html } from 'hono/html';
import type { WalletNotices } from '../../domain/wallet.ts';
import type { Ctx } from '../../http/origin.ts';

/** The wallet's mail and SMS in the page's language; `walletUrl` is the wallet origin the "Confirm" link opens. */
export function walletNotices(c: Ctx, walletUrl: string): WalletNotices {
  const t = c.get('t');
  return {
    confirmation: async (token) => {
      const link = `${walletUrl}/confirm?token=${token}`;
      return {
        subject: t('wallet.mail.confirmSubject'),
        text: t('wallet.mail.confirmText', { link }),
        html: String(
          await html`<p>${t('wallet.mail.confirmIntro')}</p><p><a href="${link}">${t('wallet.mail.confirmLink')}</a></p>`,
        ),
      };
    },
    checkDebit: ({ amount, card }) => t('wallet.mail.smsDebited', { amount, card }),
  };
}
