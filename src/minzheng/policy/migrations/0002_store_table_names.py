"""The moved tables take the policy store's names (a rename: no row is copied)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial")]

    operations = [
        migrations.AlterModelTable(name="policyparameter", table="policy_parameter"),
        migrations.AlterModelTable(name="holidaycalendarday", table="policy_holiday_calendar_day"),
    ]
