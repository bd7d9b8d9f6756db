Feature: Remove a card through the wallet's direct link
  "Method 2" of the guide: while signed in to the marketplace, open the wallet's own address in a
  new tab. Its "Card information" block lists every linked card with "Delete card". No wallet
  registration and no personal data are needed.

  @proc:R3 @fact:F5 @severity:critical
  Scenario: Delete a card from the direct page without a wallet account
    Given a signed-in buyer without a wallet account
    And the buyer has a linked VISA card
    When the buyer opens the wallet's direct page in a new tab
    Then the page asks for no personal data
    And the "Card information" block lists the card
    When the buyer deletes the card on the direct page and confirms
    Then the card is removed everywhere
