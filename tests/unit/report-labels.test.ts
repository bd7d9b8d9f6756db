import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phaseLabels, reportLabels, scenarioReport } from '../../support/report-labels.ts';

describe('tags to Allure labels', () => {
  it('maps area, feature, procedure, story and severity', () => {
    const labels = reportLabels({
      tags: ['@proc:R3', '@fact:F5', '@severity:critical'],
      featureName: "Remove a card through the wallet's direct link",
      featureFile: 'wallet/remove-via-direct-link.feature',
    });
    assert.deepEqual(labels, [
      { name: 'epic', value: 'Wallet' },
      { name: 'feature', value: "Remove a card through the wallet's direct link" },
      { name: 'severity', value: 'critical' },
      { name: 'procedure', value: 'R3' },
      { name: 'procedure', value: 'F5' },
      { name: 'story', value: "R3 · Remove via the wallet's direct link" },
    ]);
  });

  it('uses the fact as the story when there is no procedure', () => {
    const labels = reportLabels({ tags: ['@fact:F3'], featureName: 'x', featureFile: 'checkout/a.feature' });
    assert.deepEqual(
      labels.find((l) => l.name === 'story'),
      { name: 'story', value: 'F3 · Checkout links the card by default' },
    );
  });

  it('refuses unknown IDs and severities', () => {
    assert.throws(() => reportLabels({ tags: ['@proc:R9'], featureName: 'x', featureFile: 'a' }), /R9/);
    assert.throws(
      () => reportLabels({ tags: ['@severity:huge'], featureName: 'x', featureFile: 'a' }),
      /huge/,
    );
  });
});

describe('what both runners write about a scenario', () => {
  const facts = {
    tags: ['@proc:R5'],
    featureName: 'Mobile app',
    featureFile: 'mobile/remove-in-app.feature',
    device: { name: 'Pixel 7', isMobile: true },
    locale: 'id',
  };

  it('adds the device label, and the device (phones) and locale parameters', () => {
    const { labels, parameters } = scenarioReport(facts);
    assert.deepEqual(labels.at(-1), { name: 'device', value: 'Pixel 7' });
    assert.ok(labels.some((l) => l.name === 'feature'));
    assert.deepEqual(parameters, [
      { name: 'device', value: 'Pixel 7' },
      { name: 'locale', value: 'id' },
    ]);
    const desktop = scenarioReport({
      ...facts,
      device: { name: 'Desktop Chrome', isMobile: false },
      locale: undefined,
    });
    assert.deepEqual(desktop.parameters, []);
  });

  it('leaves the feature label out when the runner writes it itself (allure-cucumberjs)', () => {
    const { labels } = scenarioReport(facts, { runnerWritesFeatureLabel: true });
    assert.ok(!labels.some((l) => l.name === 'feature'));
  });
});

describe('phase labels', () => {
  it('writes each phase as whole milliseconds and one warning per failed clean-up', () => {
    const labels = phaseLabels(
      { setupMs: 10612.4, procedureMs: 9876.6, oracleMs: 2001, instrumentMs: 310.5, janitorMs: -0.2 },
      [
        {
          when: 'after',
          account: 'buyer-1@sandbox.test',
          error: 'test cards still listed: •••• 4242\nstack',
        },
      ],
    );
    assert.deepEqual(labels, [
      { name: 'cw.setupMs', value: '10612' },
      { name: 'cw.procedureMs', value: '9877' },
      { name: 'cw.oracleMs', value: '2001' },
      { name: 'cw.instrumentMs', value: '311' },
      { name: 'cw.janitorMs', value: '0' },
      { name: 'cw.janitorWarning', value: 'after, buyer-1@sandbox.test: test cards still listed: •••• 4242' },
    ]);
  });
});
