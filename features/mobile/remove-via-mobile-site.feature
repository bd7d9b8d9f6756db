Feature: Remove a card through the mobile version of the site
  On a desktop browser: sign in as usual, open a new tab with the mobile version of the site,
  press the menu icon (three bars, top left), choose "Help Center", then "How do I change my card
  information?". The answer shows a link that leads to removing the card.

  @proc:R6 @severity:normal
  Scenario: Menu, Help Center and the card-information answer lead to removing the card
    Given a signed-in buyer
    And the buyer has a linked VISA card
    When the buyer opens the mobile site in a new tab
    And the buyer presses the three-bar menu and chooses "Help Center"
    And the buyer opens "How do I change my card information?"
    And the buyer follows the link that leads to removing the card
    Then the page lists the card
    When the buyer deletes the card there and confirms
    Then the card is removed everywhere
