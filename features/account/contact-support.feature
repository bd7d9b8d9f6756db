Feature: Contact support
  If something fails, the buyer can contact support: choose the problem's category and describe
  the situation. The buyer must get something to refer to: a ticket number.

  @fact:F10 @severity:normal @smoke
  Scenario: Contacting support yields a ticket number
    Given a signed-in buyer
    When the buyer chooses "Contact support" in the account panel
    And the buyer describes a problem with "removing a card" and sends it
    Then support answers with a ticket number
