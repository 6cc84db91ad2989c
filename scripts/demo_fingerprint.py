"""Row counts and money sums of every Minzheng table, as JSON — to show a refactoring left the demo as it was.

    MINZHENG_VAR_DIR=/tmp/demo-a make db demo
    MINZHENG_VAR_DIR=/tmp/demo-a .venv/bin/python manage.py shell < scripts/demo_fingerprint.py > a.json
    (the same for the other revision, then compare the two files)

Keyed by model name, not table, so a model that moves between apps is still compared.
"""

import json

from django.apps import apps
from django.db.models import DecimalField, Sum

fingerprint = {}
for model in apps.get_models():
    if not model.__module__.startswith("minzheng."):
        continue
    name = model.__name__
    fingerprint[name] = model.objects.count()
    for field in model._meta.get_fields():
        if isinstance(field, DecimalField) and fingerprint[name]:
            fingerprint[f"{name}.{field.name}"] = str(model.objects.aggregate(total=Sum(field.name))["total"])
print(json.dumps(fingerprint, sort_keys=True, ensure_ascii=False, indent=0))
