@mobile-app
Feature: Remove a card in the mobile app
  The guide calls this the easiest way: in the app's main menu choose "My Profile", open the tab
  "My bank cards", find the card's number and press "delete" next to it; afterwards the list is
  empty. It runs on an emulated phone.

  @proc:R5 @severity:critical
  Scenario: Delete the only bank card from "My bank cards"
    Given a signed-in buyer
    And the buyer has a linked Mastercard card
    When the buyer opens the mobile app
    And the buyer chooses "My Profile" in the main menu
    And the buyer opens the tab "My bank cards"
    Then the card's number is listed
    When the buyer presses "delete" next to the card
    Then the list of bank cards is empty
    And the card is removed everywhere
