// The mock bank's only client script (CSP: script-src 'self', so no inline scripts anywhere).
// Every page works without it; it adds countdowns, polling, 전체 동의 toggling, dialog focus handling
// and focus on the first field to fix. Time is read only through Date.now() and setTimeout so that
// Playwright's page.clock can drive it (no performance.now, no requestAnimationFrame).
(function () {
  'use strict';

  var TICK_MS = 250;

  // Set once the page is being left (a countdown ran out, a poll moved on, a form was sent): pollers
  // stop asking and a countdown stops expiring, so no late reload replaces the page the server answers
  // a form with (a poll seeing the call that very form expired would reload over its alert).
  // Not on beforeunload: a listener there makes Chromium ask the page before every navigation, and a
  // reload started meanwhile aborts the navigation (net::ERR_ABORTED).
  var leaving = false;
  // 'submit' fires only once the browser's own validation has passed, so the form is really on its way.
  document.addEventListener('submit', function () {
    leaving = true;
  });

  // Same rounding as the server's formatRemaining(): up, so 0:00 means the time is really over.
  function formatRemaining(ms) {
    var total = Math.ceil(Math.max(0, ms) / 1000);
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
  }

  function reload() {
    location.reload();
  }

  // ---- Countdown: [role=timer][data-remaining-ms][data-expire-url] ----
  function expire(url) {
    leaving = true;
    if (!url) {
      reload();
      return;
    }
    // Tell the server first (it then refuses the code), and reload whatever the answer is.
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }).then(reload, reload);
  }

  function startCountdown(el) {
    var remaining = Number(el.getAttribute('data-remaining-ms'));
    if (!isFinite(remaining)) return;
    var deadline = Date.now() + remaining;
    var expired = false;

    function tick() {
      var left = Math.max(0, deadline - Date.now());
      var text = formatRemaining(left);
      if (el.textContent !== text) el.textContent = text;
      if (left <= 0) {
        if (!expired && !leaving) {
          expired = true;
          expire(el.getAttribute('data-expire-url'));
        }
        return;
      }
      setTimeout(tick, TICK_MS);
    }
    tick();
  }

  // ---- Polling: [data-poll-url][data-next-url][data-poll-ms] ----
  function startPoller(el) {
    var url = el.getAttribute('data-poll-url');
    var next = el.getAttribute('data-next-url');
    // The server's POLL_INTERVAL_MS (rules.ts), rendered by Poller: the one place the interval is set.
    var interval = Number(el.getAttribute('data-poll-ms'));
    if (!url || !(interval > 0)) return;

    function schedule() {
      if (!leaving) setTimeout(poll, interval);
    }

    function handle(data) {
      if (leaving) return;
      var state = data && data.state;
      if (state === 'confirmed') {
        leaving = true;
        if (next) location.assign(next);
        else reload();
      } else if (state === 'failed' || state === 'expired') {
        leaving = true;
        reload();
      } else {
        schedule();
      }
    }

    function poll() {
      if (leaving) return;
      fetch(url, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      })
        .then(function (res) {
          return res.json();
        })
        // Network errors and non-JSON answers just mean "ask again".
        .then(handle, schedule);
    }

    schedule();
  }

  // ---- 전체 동의: input[type=checkbox][data-check-all] ----
  function setUpCheckAll(all) {
    var form = all.form;
    if (!form) return;

    function others() {
      return Array.prototype.filter.call(form.querySelectorAll('input[type="checkbox"]'), function (box) {
        return box !== all && !box.disabled;
      });
    }

    all.addEventListener('change', function () {
      others().forEach(function (box) {
        box.checked = all.checked;
      });
    });

    form.addEventListener('change', function (event) {
      var target = event.target;
      if (target === all || !target || target.type !== 'checkbox') return;
      // Unchecking any box unchecks 전체 동의; checking the last one checks it.
      all.checked = others().every(function (box) {
        return box.checked;
      });
    });
  }

  // ---- Dialog: dialog[open] ----
  var FOCUSABLE =
    'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
    'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

  function focusables(root) {
    return Array.prototype.filter.call(root.querySelectorAll(FOCUSABLE), function (el) {
      return el.getClientRects().length > 0;
    });
  }

  function isModal(dialog) {
    try {
      return dialog.matches(':modal');
    } catch (e) {
      return false;
    }
  }

  function showModal(dialog) {
    // The server renders <dialog open> (non-modal). Reopening it with showModal() puts it in the top
    // layer and makes the page behind inert, so screen readers and the keyboard stay inside.
    if (typeof dialog.showModal !== 'function' || isModal(dialog)) return;
    try {
      if (dialog.open) dialog.close();
      dialog.showModal();
    } catch (e) {
      dialog.setAttribute('open', '');
    }
  }

  function focusFirst(dialog) {
    var target = dialog.querySelector('button:not([disabled])') || focusables(dialog)[0];
    if (target) target.focus();
  }

  function setUpDialog(dialog) {
    showModal(dialog);
    focusFirst(dialog);

    document.addEventListener(
      'keydown',
      function (event) {
        if (!dialog.open) return;
        if (event.key === 'Escape') {
          // Escape keeps the dialog open: leaving it must be an explicit choice (재발급 진행 / 취소).
          event.preventDefault();
          return;
        }
        if (event.key !== 'Tab') return;
        var items = focusables(dialog);
        if (items.length === 0) {
          event.preventDefault();
          return;
        }
        var first = items[0];
        var last = items[items.length - 1];
        var active = document.activeElement;
        if (!dialog.contains(active)) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        } else if (event.shiftKey && active === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      },
      true,
    );

    // Belt and braces for browsers that close a modal on Escape despite the keydown handler.
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
    });
    dialog.addEventListener('close', function () {
      if (!dialog.open) {
        showModal(dialog);
        if (!dialog.open) dialog.setAttribute('open', '');
        focusFirst(dialog);
      }
    });
    // Without showModal() support, pull focus back if it wanders behind the dialog.
    document.addEventListener('focusin', function (event) {
      if (dialog.open && !dialog.contains(event.target)) focusFirst(dialog);
    });
  }

  // ---- First field to fix: after an alert, focus the first empty or aria-invalid input ----
  var INPUTS =
    'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([disabled]), ' +
    'select:not([disabled]), textarea:not([disabled])';

  function isEmpty(input) {
    if (input.type === 'checkbox') return !input.checked;
    // A radio group is empty only when none of its options is chosen.
    if (input.type === 'radio')
      return !input.form.querySelector('input[type="radio"][name="' + input.name + '"]:checked');
    return input.value === '';
  }

  function focusFirstError() {
    if (!document.querySelector('[role="alert"]')) return;
    // On a slow network this script may run after the customer has started typing: moving focus then
    // would send their next keys into another field (seen at 300 ± 200 ms: a 보안카드 half lost).
    var active = document.activeElement;
    if (active && active.matches && active.matches(INPUTS)) return;
    var forms = document.querySelectorAll('main form');
    for (var i = 0; i < forms.length; i++) {
      var inputs = focusables(forms[i]).filter(function (el) {
        return el.matches(INPUTS);
      });
      if (inputs.length === 0) continue; // e.g. a form holding only a 재요청 button
      // No empty or invalid field: the alert is not about this form's fields (e.g. a timed-out code).
      var target = inputs.filter(function (el) {
        return el.getAttribute('aria-invalid') === 'true' || isEmpty(el);
      })[0];
      if (target) target.focus();
      return;
    }
  }

  document.querySelectorAll('[role="timer"][data-remaining-ms]').forEach(startCountdown);
  document.querySelectorAll('[data-poll-url]').forEach(startPoller);
  document.querySelectorAll('input[type="checkbox"][data-check-all]').forEach(setUpCheckAll);

  var openDialog = document.querySelector('dialog[open]');
  if (openDialog) setUpDialog(openDialog);
  else focusFirstError();
})();
