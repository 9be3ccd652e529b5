// Sorting and filtering of the report's tables, inside the page: it is opened from a file or a mail attachment.
(function () {
  function text(row, index) {
    return row.cells[index].textContent.trim();
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = header.getAttribute('data-type') === 'number';
    rows.sort(function (a, b) {
      var x = text(a, index), y = text(b, index);
      var order = numeric ? (parseFloat(x) || -1) - (parseFloat(y) || -1) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      header.addEventListener('click', function () { sortBy(table, index, header); });
    });
  });
  var filter = document.getElementById('filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var needle = filter.value.toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(document.querySelectorAll('#attention tbody tr'), function (row) {
        var match = row.textContent.toLowerCase().indexOf(needle) >= 0;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      document.getElementById('shown').textContent = String(shown);
    });
  }
})();
