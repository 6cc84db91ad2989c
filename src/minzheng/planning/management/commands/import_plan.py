"""python manage.py import_plan FILE [--dry-run] [--json] [--division CODE] [--parent PLAN_ID]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from minzheng.planning import services
from minzheng.planning.drafts import draft_to_dict
from minzheng.planning.errors import PlanningError
from minzheng.planning.importer import NOT_A_PLAN
from minzheng.planning.models import Plan


class Command(BaseCommand):
    help = "导入规划文本（.txt 或 .docx）：识别目录、主要指标、重点任务、重大项目；--dry-run 只识别不保存"

    def add_arguments(self, parser):
        parser.add_argument("file", help="规划文件路径（.txt 或 .docx）")
        parser.add_argument("--dry-run", action="store_true", help="只识别，不保存任何数据")
        parser.add_argument("--json", action="store_true", dest="as_json", help="以 JSON 输出识别结果")
        parser.add_argument("--division", default="", help="规划所属区划代码（12位）")
        parser.add_argument(
            "--parent", type=int, default=None, help="上级规划编号（默认取最近的上级区划规划）"
        )

    def handle(self, *args, file, dry_run, as_json, division, parent, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}")
        content = path.read_bytes()
        try:
            draft = services.parse_plan_file(path.name, content)
        except PlanningError as exc:
            raise CommandError(exc.message) from exc
        if not draft.recognised:
            # Before the region is looked up: an empty or non-plan file is refused for what it is.
            raise CommandError(f"{NOT_A_PLAN}：{path.name} 中没有找到规划名称、目录、指标或任务")
        if dry_run:
            self._print_draft(draft, as_json=as_json)
            return
        plan = self._save(draft, path.name, content, division, parent)
        if as_json:
            self._print_json({"id": plan.pk, "title": plan.title, **services.plan_counts(plan)})
            return
        counts = services.plan_counts(plan)
        parent_text = f"，上级规划《{plan.parent.title}》" if plan.parent else ""
        self.stdout.write(
            f"规划《{plan.title}》（编号 {plan.pk}，区划 {plan.division_code}{parent_text}）："
            f"目录 {counts['outline']} 条，主要指标 {counts['indicators']} 项，正文量化目标 "
            f"{counts['text_targets']} 项，重点任务 {counts['tasks']} 项，重大项目 {counts['projects']} 项"
        )

    def _save(self, draft, name: str, content: bytes, division: str, parent_id: int | None) -> Plan:
        sha256 = services.file_sha256(content)
        existing = services.find_imported(sha256)
        if existing is not None:
            self.stdout.write(f"该文件已于 {existing.imported_at:%Y-%m-%d %H:%M} 导入，未作任何更改")
            return existing
        division = division or services.seed_division_of(draft.region)
        if not division:
            raise CommandError(
                f"无法确定“{draft.region or '未识别'}”的区划代码，请用 --division 指定（12位）"
            )
        parent = None
        if parent_id is not None:
            parent = services.plan_by_id(parent_id)
            if parent is None:
                raise CommandError(f"上级规划 {parent_id} 不存在")
        else:
            parent = services.nearest_ancestor_plan(division)
        try:
            return services.import_plan(
                draft, source_name=name, sha256=sha256, actor=None, division_code=division, parent=parent
            )
        except PlanningError as exc:
            raise CommandError(exc.message) from exc

    def _print_draft(self, draft, *, as_json: bool) -> None:
        if as_json:
            self._print_json(draft_to_dict(draft))
            return
        self.stdout.write(
            f"{draft.title}（{draft.status or '正式文本'}）{draft.region} {draft.level}：目录 "
            f"{len(draft.outline_nodes())} 条，主要指标 {len(draft.indicators)} 项，正文量化目标 "
            f"{len(draft.text_targets)} 项，重点任务 {len(draft.tasks)} 项，重大项目 {len(draft.projects)} 项"
            "（未保存）"
        )

    def _print_json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
