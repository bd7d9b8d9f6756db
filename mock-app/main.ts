import { loadMockConfig } from './config.ts';
import { startMock } from './server.ts';

try {
  const cfg = loadMockConfig();
  const mock = await startMock(cfg);
  console.log(
    `cardwatch mock platform (skin ${cfg.MOCK_SKIN}, locale ${cfg.MOCK_LOCALE}, store ${cfg.dbPath})`,
  );
  for (const [name, url] of Object.entries(mock.urls)) console.log(`  ${name.padEnd(11)} ${url}`);
  const faults = mock.platform.faults.list();
  console.log(faults.length ? `  faults      ${faults.join(', ')}` : '  faults      none');
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
