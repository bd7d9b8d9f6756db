Feature: Open a wallet account, then remove a card there
  "Method 1" of the guide, for a buyer whose card was linked without a wallet account: in the
  header's account panel choose "My wallet", press "Open wallet now", keep or change the prefilled
  email, type the captcha and send the confirmation email (it can be sent again). Its "Confirm"
  link works for 24 hours. Then a 6-digit payment password, entered twice, and three security
  questions; then the identity check. The wallet opens with the tabs "My Account" and "History".

  Background:
    Given a signed-in buyer without a wallet account

  @proc:R2 @fact:F5 @severity:critical @nightly @needs:inbox @needs:captcha @needs:fresh-buyer
  Scenario: Open the wallet account and remove the card linked at checkout
    Given the buyer has a linked Mastercard card
    When the buyer opens "My wallet" from the account panel
    And the buyer chooses "Open wallet now"
    Then the email address is prefilled with the buyer's email and can be changed
    And the captcha is shown as an image
    When the buyer enters the captcha and sends the confirmation email
    Then the wallet says the confirmation email was sent
    When the buyer follows the "Confirm" link in the email
    And the buyer sets a 6-digit payment password twice and answers 3 security questions
    And the buyer verifies their identity
    Then the wallet shows the tabs "My Account" and "History"
    And "My Account" lists the card
    When the buyer chooses "edit cards"
    And the buyer removes the card there and confirms
    Then the card is removed everywhere

  @proc:R2 @severity:normal @needs:fresh-buyer
  Scenario: A wrong captcha is refused
    When the buyer starts opening a wallet
    And the buyer enters a wrong captcha and sends the confirmation email
    Then the captcha is refused

  @proc:R2 @severity:normal @mock-only @needs:clock @needs:inbox @needs:captcha
  Scenario: A confirm link older than 24 hours is refused, and a resent one works
    When the buyer starts opening a wallet
    And the buyer enters the captcha and sends the confirmation email
    And 25 hours pass
    And the buyer follows the "Confirm" link in the email
    Then the link is refused as expired
    When the buyer sends the confirmation email again
    And the buyer follows the "Confirm" link in the new email
    Then the wallet asks for the security settings

  @proc:R2 @severity:normal @needs:inbox @needs:captcha @needs:fresh-buyer
  Scenario Outline: A payment password that is not 6 digits is refused (<why>)
    Given the buyer has confirmed the email for a new wallet
    When the buyer sets the payment password "<password>" twice
    Then the payment password is refused

    Examples:
      | password | why            |
      | 12345    | too short      |
      | 1234567  | too long       |
      | 12a456   | not all digits |

  @proc:R2 @severity:minor @needs:inbox @needs:captcha @needs:fresh-buyer
  Scenario: Two different payment passwords are refused
    Given the buyer has confirmed the email for a new wallet
    When the buyer enters two different 6-digit payment passwords
    Then the payment password is refused
