"""python manage.py demo_datacenter: 数据中心 demo (run the other demos first) — the first 数据质量检查 and the
person whose 一人一档 spans the most domains."""

from django.core.management.base import BaseCommand

from minzheng.datacenter import demo


class Command(BaseCommand):
    help = "生成数据中心演示数据：首次数据质量检查，并给出跨业务最多的一人一档"

    def handle(self, *args, **options):
        s = demo.load_demo()
        self.stdout.write(f"数据质量检查：检查 {s.checked} 条，问题 {s.failed} 条")
        if s.person_id:
            self.stdout.write(
                f"一人一档示例：{s.person_name}（/datacenter/persons/{s.person_id}/），涉及 {len(s.domains)} 项业务：{'、'.join(s.domains)}"
            )
