// Keys and downloads: a little of our own script on top of pages that work
// without it. The key dialog, copy buttons, Copy link in one press, and
// selectors that offer only combinations that exist. No framework.
(function () {
  "use strict";

  // A Copy button after each short id (code[data-copy-id]) of a table that
  // names the buttons' words (data-copy-text, data-copied, data-copy-label
  // with "{id}" where the id goes), and the whole id on hover, made here
  // rather than sent per row.
  function addIdButtons(root) {
    root.querySelectorAll("[data-copy-label]").forEach(function (table) {
      table.querySelectorAll("code[data-copy-id]").forEach(function (code) {
        var id = code.getAttribute("data-copy-id");
        code.title = id;
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "link-button copy-id";
        btn.textContent = table.getAttribute("data-copy-text");
        btn.setAttribute("data-copied", table.getAttribute("data-copied"));
        btn.setAttribute("aria-label", table.getAttribute("data-copy-label").replace("{id}", id));
        btn.setAttribute("data-copy-value", id);
        btn.copyTarget = code;
        var wrap = document.createElement("span");
        wrap.className = "short-id";
        code.replaceWith(wrap);
        wrap.append(code, " ", btn);
      });
    });
  }

  // Copy buttons: data-copy-value is the text to copy, or data-copy-from
  // names the element whose text (or value) to copy.
  function wireCopy(root) {
    root.querySelectorAll("[data-copy-from], [data-copy-value]").forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var given = btn.getAttribute("data-copy-value");
        var el = given ? null : document.querySelector(btn.getAttribute("data-copy-from"));
        if (!given && !el) return;
        var text = given || (("value" in el && el.value) ? el.value : el.textContent.trim());
        var label = btn.textContent;
        navigator.clipboard.writeText(text).then(function () {
          btn.textContent = btn.getAttribute("data-copied") || label;
          setTimeout(function () { btn.textContent = label; }, 2000);
        }, function () {
          // No clipboard access: select the text so the user can copy it
          // (a short id is first written out whole).
          var target = el || btn.copyTarget;
          if (!target) return;
          if (!el) target.textContent = text;
          if (target.select) { target.select(); return; }
          var range = document.createRange();
          range.selectNodeContents(target);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
        });
      });
    });
  }

  // Get key: fetch the key page and show its key in the native dialog, moving
  // focus in and back; Escape closes it (the browser does that for <dialog>).
  function wireKeyDialog() {
    document.querySelectorAll("form.get-key").forEach(function (form) {
      var dialog = document.getElementById(form.getAttribute("data-dialog"));
      if (!dialog || typeof dialog.showModal !== "function") return;
      var trigger = form.querySelector("button");
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        fetch(form.action, {
          method: "POST",
          body: new URLSearchParams(new FormData(form)),
          credentials: "same-origin",
          headers: { "Accept": "text/html" }
        }).then(function (res) {
          return res.text().then(function (html) { return { ok: res.ok, html: html }; });
        }).then(function (r) {
          if (!r.ok) {
            // Show the error page the server answered, as a plain submit would.
            document.open();
            document.write(r.html);
            document.close();
            return;
          }
          var html = r.html;
          var doc = new DOMParser().parseFromString(html, "text/html");
          var key = doc.getElementById("product-key");
          if (!key) return;
          dialog.querySelector("[data-key-target]").textContent = key.textContent.trim();
          dialog.showModal();
          var first = dialog.querySelector("button");
          if (first) first.focus();
        }, function () {
          // The request itself failed: fall back to the plain form.
          form.submit();
        });
      });
      dialog.querySelector("[data-close]").addEventListener("click", function () { dialog.close(); });
      trapFocus(dialog);
      dialog.addEventListener("close", function () {
        // The key leaves the page with the dialog.
        dialog.querySelector("[data-key-target]").textContent = "";
        if (trigger) trigger.focus();
      });
    });
  }

  // A modal <dialog> makes the page behind it inert, but Tab still leaves
  // it for the browser's own controls: keep it cycling inside.
  function trapFocus(dialog) {
    dialog.addEventListener("keydown", function (ev) {
      if (ev.key !== "Tab") return;
      var focusable = Array.prototype.filter.call(
        dialog.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"),
        function (el) { return !el.disabled && !el.hidden && el.offsetParent !== null; }
      );
      if (!focusable.length) return;
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (ev.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
        ev.preventDefault();
        last.focus();
      } else if (!ev.shiftKey && document.activeElement === last) {
        ev.preventDefault();
        first.focus();
      }
    });
  }

  // Copy link: one press gives the link (the server renews the file's live
  // link or makes one), puts it on the clipboard, says so in the live region
  // and replaces the "Download links" part with the server's. Without this
  // the form posts and the server redirects to the page showing the link.
  function wireCopyLink() {
    var status = document.getElementById("link-status");
    if (!status || !window.fetch || !navigator.clipboard) return;
    document.querySelectorAll("form.copy-link").forEach(function (form) {
      var button = form.querySelector("button");
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        if (button.disabled) return;
        button.disabled = true;
        status.textContent = "";
        var given = fetch(form.action, {
          method: "POST",
          body: new URLSearchParams(new FormData(form)),
          credentials: "same-origin",
          headers: { "Accept": "application/json" }
        }).then(function (res) {
          if (!res.ok) throw new Error("status " + res.status);
          return res.json();
        });
        var copied = copyWhenGiven(given);
        copied.catch(function () { /* reported below, once the link is here */ });
        given.then(function (link) {
          var old = document.getElementById("links");
          if (old) {
            var parsed = new DOMParser().parseFromString(link.html, "text/html").getElementById("links");
            if (parsed) {
              old.replaceWith(document.adoptNode(parsed));
              wireCopy(document.getElementById("links"));
            }
          }
          return copied.then(function () {
            status.textContent = link.copied;
            var label = button.textContent;
            button.textContent = button.getAttribute("data-copied") || label;
            setTimeout(function () { button.textContent = label; }, 2000);
          }, function () {
            status.textContent = link.copy_failed;
            var box = document.getElementById("new-link-url");
            if (box) { box.focus(); box.select(); }
          });
        }).catch(function () {
          // Refused or offline: post the form as without JavaScript, so the
          // server's page says what happened (a second press only renews).
          form.submit();
        }).then(function () { button.disabled = false; });
      });
    });
  }

  // The clipboard write must start inside the press for Safari, so it is
  // given a promise of the text; browsers that want the text itself get it
  // once the link arrives (still soon enough for the press to count).
  function copyWhenGiven(given) {
    var url = given.then(function (link) { return link.url; });
    if (window.ClipboardItem && navigator.clipboard.write) {
      try {
        var item = new ClipboardItem({
          "text/plain": url.then(function (u) { return new Blob([u], { type: "text/plain" }); })
        });
        return navigator.clipboard.write([item]).catch(function () {
          return url.then(function (u) { return navigator.clipboard.writeText(u); });
        });
      } catch (e) { /* a ClipboardItem without promises: below */ }
    }
    return url.then(function (u) { return navigator.clipboard.writeText(u); });
  }

  // Selectors: disable options that no existing file combines with the
  // choices already made.
  function wireSelectors() {
    var form = document.querySelector("form.selectors[data-combos]");
    if (!form) return;
    var combos;
    try { combos = JSON.parse(form.getAttribute("data-combos")); } catch (e) { return; }
    var fields = { version: "v", language: "l", platform: "p" };
    var selects = {};
    Object.keys(fields).forEach(function (name) { selects[name] = form.querySelector("select[name=" + name + "]"); });
    function update() {
      Object.keys(fields).forEach(function (name) {
        var sel = selects[name];
        if (!sel) return;
        Array.prototype.forEach.call(sel.options, function (opt) {
          if (!opt.value) return;
          opt.disabled = !combos.some(function (c) {
            if (c[fields[name]] !== opt.value) return false;
            return Object.keys(fields).every(function (other) {
              if (other === name || !selects[other] || !selects[other].value) return true;
              return c[fields[other]] === selects[other].value;
            });
          });
        });
      });
    }
    Object.keys(selects).forEach(function (name) {
      if (selects[name]) selects[name].addEventListener("change", update);
    });
    update();
  }

  document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
  addIdButtons(document);
  wireCopy(document);
  wireCopyLink();
  wireKeyDialog();
  wireSelectors();
})();
