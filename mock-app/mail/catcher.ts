import { MailDev } from 'maildev';
import nodemailer from 'nodemailer';
import type { Mail, Mailer } from '../domain/mail.ts';
import { WALLET_SENDER } from '../domain/mail.ts';

export interface MailCatcher {
  /** MailDev's web UI; its REST API is under `${url}/api`. */
  url: string;
  mailer: Mailer;
  close(): Promise<void>;
}

/**
 * Starts MailDev in this process (SMTP + web/REST API, 127.0.0.1 only, mail kept in memory)
 * and a nodemailer transport that sends real SMTP to it.
 */
export async function startMailCatcher(
  host: string,
  webPort: number,
  smtpPort: number,
): Promise<MailCatcher> {
  const maildev = new MailDev({ smtp: smtpPort, web: webPort, ip: host, webIp: host, silent: true });
  try {
    await maildev.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'EADDRINUSE'
      ? new Error(
          `mail catcher ports ${webPort}/${smtpPort} are in use: is another mock running? (MOCK_PORT_BASE)`,
        )
      : error;
  }
  const transport = nodemailer.createTransport({ host, port: smtpPort, secure: false, ignoreTLS: true });
  const mailer: Mailer = {
    async send(mail: Mail) {
      await transport.sendMail({ from: WALLET_SENDER, ...mail });
    },
  };
  return {
    url: `http://${host}:${webPort}`,
    mailer,
    close: async () => {
      transport.close();
      await maildev.stop();
    },
  };
}
