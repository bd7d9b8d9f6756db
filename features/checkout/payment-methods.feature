Feature: Payment methods depend on the buyer's country
  The guide lists the ways to pay at checkout: bank cards (VISA, Mastercard), the marketplace's own
  wallet, and e-payment systems (WebMoney with a USD and a RUB wallet, QIWI, Western Union).
  Which of the alternatives a buyer is offered depends on the buyer's country.

  @fact:F1 @severity:normal @smoke @needs:fresh-buyer @needs:signup-country
  Scenario Outline: A buyer from <country> is offered cards, the wallet balance and <alternatives>
    Given a buyer who signed up with the country "<country>"
    When the buyer opens checkout
    Then the payment methods offered are bank card, wallet balance and <alternatives>

    Examples:
      | country | alternatives                                       |
      | ID      | Western Union                                      |
      | RU      | WebMoney USD, WebMoney RUB, QIWI and Western Union |
      | KZ      | WebMoney USD, WebMoney RUB and QIWI                |
      | US      | nothing else                                       |
