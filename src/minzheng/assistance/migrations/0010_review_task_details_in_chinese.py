"""复核 tasks written before the fix said "复核分类：other" (the category's code): rewrite them in Chinese."""

from django.db import migrations


def _label(code: str) -> str:
    from minzheng.assistance.rules.reviews import ReviewCategory

    if code == "program":
        return "按项目复核周期"
    member = ReviewCategory.__members__.get(code.upper())
    return member.value if member else code


def forwards(apps, schema_editor):
    WorkTask = apps.get_model("assistance", "WorkTask")
    prefix = "复核分类："
    for task in WorkTask.objects.filter(kind="review", detail__startswith=prefix).only("pk", "detail"):
        code = task.detail.removeprefix(prefix)
        label = _label(code)
        if label != code:
            WorkTask.objects.filter(pk=task.pk).update(detail=prefix + label)


class Migration(migrations.Migration):
    dependencies = [("assistance", "0009_policy_store_moved_out")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
