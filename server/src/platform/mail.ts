/** E-mail leaves the process through this interface; development logs, tests record. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export class LogMailer implements Mailer {
  constructor(private log: (msg: string) => void) {}
  async send(mail: OutgoingMail): Promise<void> {
    this.log(`mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
  }
}

export class MemoryMailer implements Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}
