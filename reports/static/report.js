
(function () {
  var lang = document.documentElement.lang || 'fr';
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(table, th, index) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.classList.contains('num');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
                      : x.localeCompare(y, lang, {numeric: true, sensitivity: 'base'});
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th, index); });
      th.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sortBy(table, th, index);
        }
      });
    });
  });
  document.querySelectorAll('.filters[data-for]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-for'));
    var text = box.querySelector('input[type=search]');
    var piiOnly = box.querySelector('input[type=checkbox]');
    var shown = box.querySelector('.shown');
    function apply() {
      var query = text.value.trim().toLowerCase(), visible = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var hide = (query && row.textContent.toLowerCase().indexOf(query) < 0) ||
                   (piiOnly && piiOnly.checked && row.getAttribute('data-pii') !== '1');
        row.hidden = !!hide;
        if (!hide) { visible += 1; }
      });
      if (shown) { shown.textContent = visible + ' / ' + table.tBodies[0].rows.length; }
    }
    text.addEventListener('input', apply);
    if (piiOnly) { piiOnly.addEventListener('change', apply); }
    box.hidden = false;
    apply();
  });
}());
