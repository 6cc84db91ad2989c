"""The page kit: what every domain's pages are declared with (see ``web/README.md`` and ADR 0009).

- ``forms``  — Django forms whose every error is Chinese and names its field; field factories; running a
  service on a form so its refusal lands next to the field it names.
- ``pages``  — the list (search form, table, 共 N 条 pagination), detail and form pages as declarations.
- ``charts`` — ECharts options built in Python, drawn by the one static ``web/charts.js`` from a data
  attribute (the CSP allows no inline script); ``{% chart %}`` in templates.
"""
