// Confirmations for what cannot be undone (see src/web/confirm.rs): a form,
// or the button that sends it, carrying data-confirm asks in the browser's
// own dialog; on yes the form goes with confirmed=1, so the server skips
// the confirmation page it shows when JavaScript is off. One listener on
// the document, so forms put in place later (the links part after Copy
// link) are covered too.
(function () {
  "use strict";

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement)) return;
    var by = ev.submitter;
    var source = by && by.hasAttribute("data-confirm") ? by : form;
    var message = source.getAttribute("data-confirm");
    var flag = form.querySelector('input[name="confirmed"][data-added]');
    if (flag) flag.remove();
    if (!message) return;
    // A field the action needs is empty: the server's answer says so,
    // asking first would only be in the way.
    var needs = source.getAttribute("data-confirm-needs");
    if (needs && form.elements[needs] && !form.elements[needs].value.trim()) return;
    if (!window.confirm(message)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      return;
    }
    // Read after this event, when the browser gathers the form's fields.
    flag = document.createElement("input");
    flag.type = "hidden";
    flag.name = "confirmed";
    flag.value = "1";
    flag.setAttribute("data-added", "");
    form.appendChild(flag);
  }, true);
})();
