Feature: A buyer's cards are private
  Card actions check ownership: another buyer cannot see a card, nor remove it, even by editing
  the address a delete form posts to. The answer is "not found", and the card stays linked.

  @proc:R3 @severity:blocker @smoke @needs:second-buyer
  Scenario: Another buyer cannot see or delete a card, even by editing the address
    Given a signed-in buyer
    And the buyer has a linked VISA card
    And another buyer, signed in on their own browser, with a linked Mastercard card
    Then the other buyer's wallet direct page does not list the buyer's card
    When the other buyer aims their own delete form at the buyer's card and submits it
    Then the other buyer gets the "not found" page
    And the other buyer's own card is still linked
    And the card is listed on the wallet's direct page
