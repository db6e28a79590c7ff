// Article editor: "Cites" fields suggest this article's own reference keys.
(function () {
  'use strict';

  var LIST_ID = 'article-reference-keys';
  var CITES = /^body-.*-references$/;
  var KEY = /^references-\d+-key$/;

  function referenceKeys() {
    var keys = [];
    document.querySelectorAll('input[name]').forEach(function (input) {
      var deleted = document.querySelector(
        'input[name="' + input.name.replace(/-key$/, '-DELETE') + '"]'
      );
      if (KEY.test(input.name) && input.value.trim() && !(deleted && deleted.value)) {
        input.value.split(',').forEach(function (key) {
          if (key.trim()) keys.push(key.trim().toLowerCase());
        });
      }
    });
    return keys;
  }

  function refresh(list) {
    list.replaceChildren.apply(
      list,
      referenceKeys().map(function (key) {
        var option = document.createElement('option');
        option.value = key;
        return option;
      })
    );
  }

  document.addEventListener('focusin', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !CITES.test(input.name)) return;
    var list = document.getElementById(LIST_ID);
    if (!list) {
      list = document.createElement('datalist');
      list.id = LIST_ID;
      document.body.appendChild(list);
    }
    refresh(list);
    input.setAttribute('list', LIST_ID);
    input.setAttribute('autocomplete', 'off');
  });
})();
