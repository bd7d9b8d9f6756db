/** The IDs of ../shared/seed/procedures.md, with the short titles reports show as stories. */
export const PROCEDURES = {
  F1: 'Payment methods by country',
  F2: 'A wallet account holds several cards',
  F3: 'Checkout links the card by default',
  F4: 'Dispute refunds go to the wallet balance',
  F5: 'Cards linked without a wallet account',
  F6: 'At most five linked cards',
  F7: 'Link in advance or during an order',
  F8: 'Adding a card in the wallet ($0.01 SMS)',
  F9: 'Expired and reissued cards',
  F10: 'Contact support',
  F11: 'Extra identity check on suspected fraud',
  F12: 'Why buyers remove cards',
  R1: 'Remove in the wallet (with wallet account)',
  R2: 'Remove in the wallet (open a wallet account first)',
  R3: "Remove via the wallet's direct link",
  R4: 'Remove via the help page',
  R5: 'Remove in the mobile app',
  R6: 'Remove via the mobile site',
  L1: 'Link at checkout',
  L2: 'Link in the wallet',
  L3: 'Reissued card linked by paying',
} as const;

export type ProcedureId = keyof typeof PROCEDURES;

export function isProcedureId(id: string): id is ProcedureId {
  return id in PROCEDURES;
}
