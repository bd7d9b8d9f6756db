Feature: At most five linked cards
  Up to five VISA or Mastercard cards can be linked to one account, whatever bank issued them.
  A sixth card paid with at checkout cannot be linked: the buyer must be told so, and the order
  must still go through.

  @fact:F6 @severity:critical @smoke
  Scenario: The sixth card is refused with a clear message while the order completes
    Given a signed-in buyer
    And the buyer has 5 linked cards, VISA and Mastercard
    When the buyer opens checkout and enters a new VISA card
    Then the "link card" box is ticked
    When the buyer pays
    Then the order is placed
    And the checkout says the card was not linked because the wallet is full
    And the card is not offered as a saved card at the next checkout
    And the 5 linked cards are still offered at the next checkout
