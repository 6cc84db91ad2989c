"""Search keys of the 全局检索 (ADR 0013): an index on phone numbers and on the ID number and name spelled
backwards, filled here for the persons already registered (one UPDATE: PostgreSQL's reverse(), on SQLite a
Python function registered for the statement)."""

import minzheng.core.models.people
from django.db import migrations, models


def fill_search_keys(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            reverse = "reverse"
        else:
            connection.ensure_connection()
            connection.connection.create_function(
                "minzheng_reverse", 1, lambda text: (text or "")[::-1], deterministic=True
            )
            reverse = "minzheng_reverse"
        cursor.execute(
            f"UPDATE core_person SET id_number_reversed = {reverse}(id_number), name_reversed = {reverse}(name)"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_account_controls'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='id_number_reversed',
            field=minzheng.core.models.people.ReversedCopy(db_index=True, max_length=20, source='id_number', verbose_name='公民身份号码（倒序）'),
        ),
        migrations.AddField(
            model_name='person',
            name='name_reversed',
            field=minzheng.core.models.people.ReversedCopy(db_index=True, max_length=50, source='name', verbose_name='姓名（倒序）'),
        ),
        migrations.AlterField(
            model_name='person',
            name='phone',
            field=models.CharField(blank=True, db_index=True, max_length=20, verbose_name='联系电话'),
        ),
        migrations.RunPython(fill_search_keys, migrations.RunPython.noop, elidable=True),
    ]
