Feature: Remove a card through the help page
  The guide's help-page way: while signed in, open the buyer-centre help page (its
  question/answer page). A window there has a "check cards" button that lists the cards linked
  to the profile; pressing the "delete" icon opposite a card unlinks it. Like the wallet's direct
  link, it works for a card linked without a wallet account.

  @proc:R4 @fact:F5 @severity:critical @smoke
  Scenario: Unlink a card with the "delete" icon in the buyer centre's card list
    Given a signed-in buyer
    And the buyer has a linked VISA card
    When the buyer opens the buyer centre's help page
    And the buyer presses "check cards"
    Then the cards linked to the profile include the card
    When the buyer presses the "delete" icon opposite the card and confirms
    Then the card is removed everywhere
