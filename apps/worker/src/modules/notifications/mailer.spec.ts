import type { WorkerConfig } from '../../common/worker-config.js';
import { Mailer } from './mailer.js';

const mailer = (SMTP_URL: string) => new Mailer({ values: { SMTP_URL, MAIL_FROM: 'Pulsewise <pulse@pulsewise.local>' } } as unknown as WorkerConfig);
const poolOptions = (m: Mailer) => (m.transport.transporter as unknown as { options: Record<string, unknown> }).options;

describe('Mailer', () => {
  it('pools ten SMTP connections by default', () => {
    const m = mailer('smtp://127.0.0.1:1025');
    try {
      expect(poolOptions(m)).toMatchObject({ pool: true, maxConnections: 10, host: '127.0.0.1', port: 1025 });
    } finally {
      m.onModuleDestroy();
    }
  });

  it('keeps the pool options SMTP_URL sets', () => {
    const m = mailer('smtp://user:pass@relay.example:587?maxConnections=3&maxMessages=50');
    try {
      expect(poolOptions(m)).toMatchObject({ pool: true, maxConnections: 3, maxMessages: 50, auth: { user: 'user', pass: 'pass' } });
    } finally {
      m.onModuleDestroy();
    }
  });
});
