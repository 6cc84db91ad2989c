"""政策参数 and 节假日 now belong to the policy store (``policy.0001``): 社会救助 forgets them, state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assistance", "0008_money_bounds"),
        ("policy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HolidayCalendarDay"),
                migrations.DeleteModel(name="PolicyParameter"),
            ],
            database_operations=[],
        ),
    ]
