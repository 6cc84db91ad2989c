"""python manage.py receive_exchange_table --connection tax --table exchange.tax_income --dataset tax_income
--as-of 2025-07-01 --user dd_admin: take in a department dataset from a table of a configured database.

For scheduled intake (cron) after the department has filled its table; the same checks, rejected-row report
and audit as the 部门共享数据 page. ``--user`` names the administrator the intake is recorded under."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from minzheng.core.errors import MinzhengError
from minzheng.verification.services.intake import database_connections, receive_table


class Command(BaseCommand):
    help = "从已配置的部门数据库表接收部门共享数据（与上传文件相同的校验、拒收报告和审计）"

    def add_arguments(self, parser):
        parser.add_argument("--connection", required=True, help="MINZHENG_EXCHANGE_DB_<NAME> 中的 name")
        parser.add_argument("--table", required=True, help="表或视图：table 或 schema.table")
        parser.add_argument("--dataset", required=True)
        parser.add_argument(
            "--as-of", required=True, type=dt.date.fromisoformat, help="数据截止日期 YYYY-MM-DD"
        )
        parser.add_argument("--source", default="default")
        parser.add_argument("--user", required=True, help="记入审计的管理员用户名")

    def handle(self, *args, connection, table, dataset, as_of, source, user, **options):
        actor = get_user_model().objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"用户不存在或已停用：{user}")
        if connection not in database_connections():
            raise CommandError(
                f"未配置的数据库连接：{connection}（已配置：{'、'.join(database_connections()) or '无'}）"
            )
        try:
            receipt = receive_table(
                actor, connection=connection, table=table, dataset=dataset, as_of=as_of, source=source
            )
        except MinzhengError as exc:
            raise CommandError(exc.message) from exc
        if receipt.duplicate:
            self.stdout.write(f"内容与交付 {receipt.delivery_id} 相同，未作更改")
        else:
            self.stdout.write(
                f"已接收 {dataset}（{connection}:{table}）：{receipt.rows_accepted}行有效，{receipt.rows_rejected}行拒收"
            )
