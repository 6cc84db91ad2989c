"""The shipped rules' 依据/说明 named a development ticket ("issue 5"), shown to users; name the plans instead."""

from django.db import migrations

OLD = ("issue 5：", "issue 5；")
NEW = "平台缺省值（依据各规划“健全低收入人口动态监测预警”）"


def forwards(apps, schema_editor):
    RiskRule = apps.get_model("monitoring", "RiskRule")
    for rule in RiskRule.objects.filter(note__startswith="issue 5"):
        for old in OLD:
            if rule.note.startswith(old):
                rule.note = NEW + old[-1] + rule.note[len(old) :]
                rule.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
