"""python manage.py create_first_admin USERNAME --full-name 姓名 --division 210600000000: the install's first
系统管理员, with a one-time password printed once (docs/operations.md, "Installing")."""

from django.core.management.base import BaseCommand, CommandError

from minzheng.core.errors import MinzhengError
from minzheng.core.services.users import create_first_sysadmin


class Command(BaseCommand):
    help = "创建本系统的第一个系统管理员（仅在尚无系统管理员时可用），打印一次性初始密码"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--full-name", required=True, help="姓名")
        parser.add_argument("--division", required=True, help="所属区划代码（12位），如 210600000000")

    def handle(self, *args, username, full_name, division, **options):
        try:
            user, password = create_first_sysadmin(
                username=username, full_name=full_name, division_code=division
            )
        except MinzhengError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"已创建系统管理员 {user.username}。初始密码（只显示这一次，首次登录须修改）：{password}"
        )
