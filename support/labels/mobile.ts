import { z } from 'zod';
import { text } from './text.ts';

/** The mobile app (R5): a phone app, here reached as a web app. */
export const mobileAppLabels = z.object({
  mainMenu: text,
  myProfile: text,
  myBankCards: text,
  /** The start of the "delete" button's accessible name next to each card ("Delete" of "Delete VISA •••• 4242"). */
  delete: text,
  noCards: text,
  /** Only for an app that asks to confirm (profile `screens.mobileAppCards.confirm`): the step's title. */
  confirmDeleteTitle: text.optional(),
});

/** The mobile version of the site (R6), opened on a desktop browser. */
export const mobileSiteLabels = z.object({
  /** The three-bar button's accessible name; the menu it opens carries the same name. */
  menu: text,
  /** The name of the menu the three-bar control opens, when it differs from the control's ("Site menu"). */
  menuName: text.optional(),
  helpCenter: text,
  changeCardInfo: text,
  removeCardLink: text,
  cardsTitle: text,
  deleteCard: text,
  confirmDeleteTitle: text,
  noCards: text,
});

export const mobileLabels = z.object({ app: mobileAppLabels, site: mobileSiteLabels });
