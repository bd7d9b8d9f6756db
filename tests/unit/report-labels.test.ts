import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportLabels } from '../../support/report-labels.ts';

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
