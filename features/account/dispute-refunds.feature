Feature: Dispute refunds go to the wallet balance when the card is linked
  When a buyer whose card is linked wins a dispute, the refund goes to the wallet balance, not
  back to the card, and the balance can only be spent on the marketplace. A buyer who did not
  link the card gets the money back on the card. A real buyer waits for the seller to answer;
  on the mock, the control API plays the seller, so these scenarios run on the mock only.

  Background:
    Given a signed-in buyer

  @fact:F4 @severity:critical @mock-only @needs:disputes
  Scenario: A won dispute on an order paid with a linked card refunds to the wallet balance
    Given the buyer paid an order with a new VISA card, leaving "link card" ticked
    When the buyer chooses "My orders" in the account panel
    And the buyer opens a dispute on that order because it did not arrive
    And the seller loses the dispute
    Then "My disputes" shows the refund went to the wallet balance
    And the wallet balance pays for the next order at checkout

  @fact:F4 @severity:normal @mock-only @needs:disputes
  Scenario: A won dispute on an order paid with an unlinked card refunds to the card
    Given the buyer paid an order with a new Mastercard card, unticking "link card"
    When the buyer chooses "My orders" in the account panel
    And the buyer opens a dispute on that order because it did not arrive
    And the seller loses the dispute
    Then "My disputes" shows the refund went back to the card
    And the wallet balance cannot pay for the next order
