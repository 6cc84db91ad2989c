// Page behaviour declared by data attributes, so templates carry no inline script (Content-Security-Policy:
// script-src 'self'). Delegated listeners also cover fragments htmx swaps in later.
(function () {
  "use strict";

  // data-confirm on a button (its click) or a form (its submit): 确认对话框 before irreversible actions.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-confirm], input[data-confirm], a[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.matches("form[data-confirm]") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener("change", function (event) {
    const field = event.target;
    // data-autosubmit: a select that reloads its form (e.g. choosing the kind of rule).
    if (field.matches("select[data-autosubmit]")) {
      field.form.submit();
    }
    // 区划选择: the chosen level's code goes into the picker's hidden input.
    if (field.matches(".division-picker select[data-pick]")) {
      if (field.dataset.pick === "always" || field.value) {
        field.closest(".division-picker").querySelector("input[type=hidden]").value = field.value;
      }
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
    if (event.target.closest("a[data-back]") && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
