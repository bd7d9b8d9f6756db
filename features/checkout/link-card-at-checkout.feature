Feature: Link a card at checkout
  The guide warns that the checkout shows a "Link card to wallet" box next to the card form,
  ticked by default: a buyer who does not notice it gets the card stored in the wallet.
  Its advice is to untick the box before pressing Pay.

  Background:
    Given a signed-in buyer

  @proc:L1 @fact:F3 @severity:critical @smoke
  Scenario: The ticked-by-default box links the card paid with
    When the buyer opens checkout and enters a new VISA card
    Then the "link card" box is ticked
    When the buyer pays
    Then the order is placed
    And the card is listed on the wallet's direct page
    And the card is offered as a saved card at the next checkout

  @fact:F3 @severity:normal
  Scenario: Unticking the box before paying links nothing
    When the buyer opens checkout and enters a new Mastercard card
    And the buyer unticks the "link card" box
    And the buyer pays
    Then the order is placed
    And the card is not stored anywhere
