/*
 * Title suggestions for the header search box, following the ARIA combobox pattern
 * (list autocomplete). The form works without it: Enter with no suggestion chosen
 * submits the search as usual.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var suggestUrl = script && script.dataset.suggestUrl;
  var input = document.getElementById("site-search-q");
  if (!suggestUrl || !input || !window.fetch || !input.form) {
    return;
  }

  var MIN_LENGTH = 2;
  var DELAY = 200;
  var form = input.form;
  var row = input.parentNode;
  var listId = "site-search-suggestions";

  var list = null;
  var status = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  // The list and its live region are built when the box is first used, not while the
  // page loads: nothing of them shows before then.
  function build() {
    if (list) {
      return;
    }
    list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested articles");
    list.hidden = true;
    // Keep focus in the box while a suggestion is clicked.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    row.classList.add("search-suggest__anchor");
    row.appendChild(list);
    form.appendChild(status);
    input.setAttribute("aria-controls", listId);
  }

  var suggestions = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var lastQuery = "";

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function setActive(index) {
    var items = options();
    active = index;
    for (var i = 0; i < items.length; i++) {
      items[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    if (!list) {
      return;
    }
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open() {
    if (suggestions.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function render(items) {
    suggestions = items;
    list.textContent = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = listId + "-" + index;
      option.className = "search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.title;
      option.addEventListener("click", function () {
        go(index);
      });
      list.appendChild(option);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (items.length) {
      open();
      status.textContent =
        items.length + (items.length === 1 ? " suggestion" : " suggestions") +
        " available. Use the up and down arrows to choose.";
    } else {
      close();
      status.textContent = "";
    }
  }

  function go(index) {
    var item = suggestions[index];
    if (item && item.url) {
      close();
      window.location.assign(item.url);
    }
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) {
      open();
      return;
    }
    lastQuery = query;
    if (controller) {
      controller.abort();
    }
    if (query.length < MIN_LENGTH) {
      render([]);
      return;
    }
    controller = window.AbortController ? new AbortController() : null;
    var url = suggestUrl + "?q=" + encodeURIComponent(query);
    fetch(url, {
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) {
          render(data.suggestions || []);
        }
      })
      .catch(function () {
        /* Offline or aborted: the plain search still works. */
      });
  }

  input.addEventListener("input", function () {
    build();
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, DELAY);
  });

  input.addEventListener("keydown", function (event) {
    build();
    var count = suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        if (!count) {
          return;
        }
        event.preventDefault();
        if (list.hidden) {
          open();
          if (!event.altKey) {
            setActive(0);
          }
        } else {
          setActive(active + 1 < count ? active + 1 : 0);
        }
        break;
      case "ArrowUp":
        if (!count) {
          return;
        }
        event.preventDefault();
        if (list.hidden) {
          open();
          setActive(count - 1);
        } else {
          setActive(active > 0 ? active - 1 : count - 1);
        }
        break;
      case "Enter":
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
        break;
      case "Escape":
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastQuery = "";
          render([]);
        }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", function () {
    close();
  });

  input.addEventListener("focus", function () {
    build();
    if (input.value.trim().length >= MIN_LENGTH && suggestions.length) {
      open();
    }
  });

  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) {
      close();
    }
  });
})();
