Feature: Remove a card in the wallet, with a wallet account
  The guide's first way for a buyer who already has a wallet account: sign in to the marketplace,
  open "My wallet" from the account area and be let straight in; at the top, the "edit cards" icon
  lists the cards linked to the account, and "remove card" next to a card removes it after a
  confirmation. The wallet's History keeps a line about it.

  @proc:R1 @fact:F2 @severity:critical @smoke @needs:wallet-account
  Scenario: Remove a card through "edit cards" in the wallet
    Given a signed-in buyer with a wallet account
    And the buyer has a linked VISA card
    When the buyer opens "My wallet" from the account panel
    Then the wallet lets the buyer straight in, listing the card under "My Account"
    When the buyer chooses "edit cards"
    And the buyer removes the card there and confirms
    Then the wallet's History tab shows the card was removed
    And the card is removed everywhere
