Feature: An expired card and its reissue
  When a card expires, the guide offers two ways: remove the old card and link the reissued one,
  or simply pay an order with the reissued card, after which it is added to the wallet
  automatically. An expired card cannot pay.

  @proc:L3 @fact:F9 @severity:critical @mock-only
  Scenario: Paying with the reissued card links it in place of the expired one
    Given a signed-in buyer
    And the buyer has a linked VISA card that has expired
    When the buyer opens checkout
    Then the expired card is marked as expired and cannot be chosen
    When the buyer enters the reissued card, unticks the "link card" box and pays
    Then the order is placed
    And the checkout says the reissued card replaces the expired one
    And the card is offered as a saved card at the next checkout
    And the expired card is no longer offered at checkout
    And the card is listed on the wallet's direct page
