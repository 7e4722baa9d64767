// The journeys in the order one run goes through them: each may use what
// an earlier one made (the customer, its order, the customer's admin).
"use strict";

const people = require("./people");
const sales = require("./sales");
const software = require("./software");

const ordered = [
  ["sign in (keyboard, skip link, wrong password)", people.signInJourney],
  ["two-factor: enrol with a TOTP code, then sign in with one", people.twoFactorJourney],
  ["create a customer (every error at once first)", sales.customerJourney],
  ["the country rule: no reserved instances in China", sales.countryRuleJourney],
  ["add products and place an order", sales.orderJourney],
  ["choose version, language, bitness; reveal and copy the key; download", software.keysJourney],
  ["copy a link, download through it signed out, revoke it", software.linksJourney],
  ["invite the customer's global admin from the mail", people.invitationJourney],
  ["the customer global admin's own view", software.customerAdminJourney],
  ["cancel through Report a problem with an attachment", software.cancelJourney],
  ["the operator approves one cancellation and rejects another", software.operatorJourney],
  ["the activity log, filtered, and its CSV", software.activityJourney],
  ["sign out", software.signOutJourney],
];

module.exports = { ordered };
