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

// 检索选择 (web/kit/picker.py): a combobox. Typing asks the server for options (htmx, into the listbox);
// ↑/↓ move through them, Enter or a click chooses: its key goes into the hidden input, its masked label into
// the box. Typing again forgets the choice, so a stale key is never submitted with new text.
(function () {
  "use strict";
  const WAIT_MS = 250;

  function parts(picker) {
    return {
      input: picker.querySelector("[data-picker-input]"),
      value: picker.querySelector("[data-picker-value]"),
      list: document.getElementById(picker.dataset.pickerList),
    };
  }

  function options(list) {
    return Array.from(list.querySelectorAll("[role=option]:not([aria-disabled=true])"));
  }

  function close(picker) {
    const p = parts(picker);
    p.list.hidden = true;
    p.list.innerHTML = "";
    p.input.setAttribute("aria-expanded", "false");
    p.input.removeAttribute("aria-activedescendant");
  }

  function highlight(picker, option) {
    const p = parts(picker);
    options(p.list).forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
    if (option) {
      p.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  }

  function choose(picker, option) {
    const p = parts(picker);
    p.value.value = option.dataset.pk;
    p.input.value = option.dataset.label;
    close(picker);
    p.input.focus();
  }

  function ask(picker) {
    const p = parts(picker);
    const text = p.input.value.trim();
    if (!text || !window.htmx) {
      close(picker);
      return;
    }
    const url = picker.dataset.pickerUrl + "?q=" + encodeURIComponent(text) +
      "&list=" + encodeURIComponent(picker.dataset.pickerList);
    window.htmx.ajax("GET", url, { target: p.list, swap: "innerHTML" }).then(function () {
      if (p.input.value.trim() !== text) { return; }  // a later keystroke's answer will follow
      p.list.hidden = p.list.children.length === 0;
      p.input.setAttribute("aria-expanded", p.list.hidden ? "false" : "true");
    });
  }

  document.addEventListener("input", function (event) {
    const picker = event.target.closest("[data-picker]");
    if (!picker || !event.target.matches("[data-picker-input]")) { return; }
    parts(picker).value.value = "";
    clearTimeout(picker.pickerTimer);
    picker.pickerTimer = setTimeout(function () { ask(picker); }, WAIT_MS);
  });

  document.addEventListener("keydown", function (event) {
    const picker = event.target.closest("[data-picker]");
    if (!picker || !event.target.matches("[data-picker-input]")) { return; }
    const p = parts(picker);
    const found = options(p.list);
    const current = found.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!found.length) { return; }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight(picker, found[(current + step + found.length) % found.length]);
    } else if (event.key === "Enter" && !p.list.hidden) {
      event.preventDefault();  // Enter in an open list chooses; it never submits the form
      if (found.length) { choose(picker, found[Math.max(current, 0)]); }
    } else if (event.key === "Escape" && !p.list.hidden) {
      event.preventDefault();
      close(picker);
    }
  });

  document.addEventListener("click", function (event) {
    const option = event.target.closest("[data-picker-list] [role=option], .picker-options [role=option]");
    if (option && option.getAttribute("aria-disabled") !== "true") {
      const list = option.closest("[role=listbox]");
      const picker = document.querySelector("[data-picker-list='" + list.id + "']");
      if (picker) { choose(picker, option); }
    }
  });
})();
