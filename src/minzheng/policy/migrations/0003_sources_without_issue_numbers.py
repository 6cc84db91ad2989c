"""Two shipped parameters' 依据/来源 named a development ticket ("issue 13"), shown on the 政策参数 page."""

from django.db import migrations

REWRITES = {
    "复核意见（issue 13）：": "平台缺省值：",
    "（复核意见 issue 13；请以原文核实）": "（请以原文核实）",
}


def forwards(apps, schema_editor):
    PolicyParameter = apps.get_model("policy", "PolicyParameter")
    for parameter in PolicyParameter.objects.filter(source_note__contains="issue 13"):
        for old, new in REWRITES.items():
            parameter.source_note = parameter.source_note.replace(old, new)
        parameter.save(update_fields=["source_note"])


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_store_table_names")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
