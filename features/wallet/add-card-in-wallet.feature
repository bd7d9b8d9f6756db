Feature: Link a card in the wallet
  Linking in advance, in the wallet itself: "Manage your cards" -> "Add card" -> the card's details.
  An SMS to the account's phone confirms that $0.01 was debited to check the card, which is
  verified within 24 hours; until then the wallet shows it as pending (the guide: do not panic).
  On suspected fraud the wallet asks for more personal data to confirm who the buyer is.

  Background:
    Given a signed-in buyer with a wallet account

  @proc:L2 @fact:F8 @fact:F7 @severity:critical @nightly @needs:wallet-account @needs:inbox
  Scenario: A card added in the wallet is checked with $0.01 and shown as pending
    When the buyer opens "Manage your cards" in the wallet
    And the buyer adds a new VISA card there
    Then an SMS to the buyer's phone says "$0.01" was debited
    And the card is shown as pending verification

  @proc:L2 @fact:F8 @fact:F7 @severity:critical @nightly @needs:wallet-account @needs:clock @needs:inbox
  Scenario: A card added in the wallet is checked with $0.01, pending, and verified after 24 hours
    When the buyer opens "Manage your cards" in the wallet
    And the buyer adds a new VISA card there
    Then an SMS to the buyer's phone says "$0.01" was debited
    And the card is shown as pending verification
    When 24 hours pass
    Then the card is shown as verified

  @proc:L2 @fact:F11 @severity:normal @needs:control
  Scenario: A card the wallet deems risky needs extra identity data before it is linked
    When the buyer opens "Manage your cards" in the wallet
    And the buyer adds a card the wallet deems risky
    Then the wallet asks for extra identity data before linking the card
    When the buyer gives the extra identity data
    Then the card is shown as pending verification
