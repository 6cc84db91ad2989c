"""待办中心 (work queue): every domain's open work in one table, each item with its due date in working days and
an owner (责任人) — claimed, assigned or reassigned here and kept centrally by (source, record key), so no
domain's tables change. Domains offer their work by ``<app>/work_items.py`` (``core.work_items``)."""
