/**
 * E-mail leaves the process through this interface: SMTP when SMTP_URL is
 * set, nowhere when it is not, a list in memory in tests.
 *
 * Threat: mail carries password-reset and invitation links, and whoever holds
 * one can take over an account. So no mailer here ever logs a body, a link or
 * a token, at any level: a log line names at most the kind of mail and the
 * recipient's domain.
 */
import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';

/** What a mail is about; the log names this, never the subject or body. */
export type MailKind = 'password_reset' | 'invitation' | 'share_receipt' | 'reminder' | 'concern_raised' | 'meeting_invitation';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind?: MailKind;
  /** A calendar invitation (iCalendar, METHOD REQUEST or CANCEL) that mail apps offer to add, update or remove. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/**
 * - `sent`: handed to the mail server (or recorded, in tests);
 * - `off`: e-mail is not configured, nothing left the process;
 * - `failed`: the server could not be reached or asked to try later;
 * - `rejected`: the server refused this message for good (e.g. no such mailbox).
 */
export type MailOutcome = 'sent' | 'off' | 'failed' | 'rejected';

export interface Mailer {
  /**
   * Never rejects: a failure is logged here and returned, so a request that
   * already committed its data still answers, and a caller that can do
   * something about a failure (the reminder job retries) looks at the outcome.
   */
  send(mail: OutgoingMail): Promise<MailOutcome>;
}

/** The log calls the mailers make; a pino logger fits. */
export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export const MAIL_OFF_MESSAGE = 'SMTP_URL is not set: Tandem will not send e-mail. Invitation links can still be copied by a program leader from People.';

/** The only facts about a mail that may be logged. */
const loggable = (mail: OutgoingMail) => ({ mail: mail.kind ?? 'other', toDomain: mail.to.slice(mail.to.lastIndexOf('@') + 1) });

/** Sends through an SMTP server (nodemailer, pooled connections). */
export class SmtpMailer implements Mailer {
  private transport: Transporter;

  /** `url` is SMTP_URL as checked by loadConfig: smtp:// (STARTTLS when offered) or smtps://. */
  constructor(url: string, from: string, private log: MailLog) {
    this.transport = nodemailer.createTransport(
      {
        url,
        pool: true,
        // Requests wait for the send: fail in seconds, not nodemailer's default minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        // nodemailer's own logger would write whole messages, links included.
        logger: false,
        debug: false,
      },
      { from, headers: { 'Auto-Submitted': 'auto-generated' } },
    );
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    try {
      await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'invitation.ics', content: mail.calendar.content } } : {}) });
      return 'sent';
    } catch (e) {
      const err = e as NodemailerError;
      // The code and reply number only: the server's reply text may quote the message.
      this.log.warn({ ...loggable(mail), code: err.code, responseCode: err.responseCode }, 'e-mail could not be sent');
      const refused = err.permanent === true && (err.code === 'EENVELOPE' || err.code === 'EMESSAGE');
      return refused ? 'rejected' : 'failed';
    }
  }

  /** Connects and signs in once, so a wrong SMTP_URL shows at start-up rather than at the first reset. */
  async verify(): Promise<boolean> {
    try {
      await this.transport.verify();
      return true;
    } catch (e) {
      const err = e as NodemailerError;
      this.log.warn({ code: err.code, responseCode: err.responseCode }, 'cannot reach or sign in to the mail server at SMTP_URL; e-mail will fail until it can');
      return false;
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Without SMTP_URL: sends nothing and logs only that a mail of some kind was not sent. */
export class DisabledMailer implements Mailer {
  constructor(private log: MailLog) {}
  async send(mail: OutgoingMail): Promise<MailOutcome> {
    this.log.info(loggable(mail), 'e-mail is off (SMTP_URL is not set): not sent');
    return 'off';
  }

  async close(): Promise<void> {}
}

/** The mailer for a configuration: SMTP when SMTP_URL is set, otherwise none. */
export function createMailer(config: { smtpUrl: string | null; mailFrom: string }, log: MailLog): SmtpMailer | DisabledMailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom, log) : new DisabledMailer(log);
}

export class MemoryMailer implements Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<MailOutcome> {
    this.sent.push(mail);
    return 'sent';
  }
}
