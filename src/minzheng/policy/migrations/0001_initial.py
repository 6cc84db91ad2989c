"""The 政策参数 and 节假日 tables move from 社会救助 to the platform's policy store (issue 15).

State only: the tables already exist (created by ``assistance.0001``); ``0002`` gives them the store's names.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("assistance", "0008_money_bounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HolidayCalendarDay',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(unique=True, verbose_name='日期')),
                        ('kind', models.CharField(choices=[('holiday', '法定节假日（休息）'), ('makeup_workday', '调休上班')], max_length=20, verbose_name='类型')),
                        ('note', models.CharField(blank=True, max_length=100, verbose_name='说明')),
                        ('source', models.CharField(blank=True, max_length=50, verbose_name='来源')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'assistance_holidaycalendarday',
                        'verbose_name': '节假日',
                        'verbose_name_plural': '节假日',
                        'ordering': ['day'],
                    },
                ),
                migrations.CreateModel(
                    name='PolicyParameter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('division_code', models.CharField(db_index=True, help_text='12 位统计用区划代码；000000000000 表示全国', max_length=12, verbose_name='适用区划代码')),
                        ('effective_from', models.DateField(verbose_name='生效日期')),
                        ('valid_to', models.DateField(blank=True, help_text='由下一版本生效自动填写', null=True, verbose_name='失效日期')),
                        ('source_note', models.CharField(blank=True, max_length=300, verbose_name='依据/来源')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='录入时间')),
                        ('name', models.CharField(db_index=True, max_length=64, verbose_name='参数')),
                        ('value', models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True, verbose_name='数值')),
                        ('text_value', models.CharField(blank=True, help_text='如 公示天数类型：自然日/工作日', max_length=30, verbose_name='取值（文字）')),
                        ('unit', models.CharField(blank=True, max_length=20, verbose_name='单位')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'assistance_policyparameter',
                        'verbose_name': '政策参数',
                        'verbose_name_plural': '政策参数',
                        'ordering': ['name', 'division_code', '-effective_from'],
                        'constraints': [models.UniqueConstraint(fields=('name', 'division_code', 'effective_from'), name='policy_parameter_one_version_per_day')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
