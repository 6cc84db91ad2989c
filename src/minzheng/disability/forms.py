"""Forms of the 两项补贴 pages (kit fields: Chinese labels, field-named errors); the services check again."""

from datetime import date

from django import forms

from minzheng.web.kit.forms import KitForm, choice_field, date_field, text_field

from .models import Channel, Status, SubsidyKind, TaskKind


class ReceiveForm(KitForm):
    id_number = text_field("申请人公民身份号码", 18)
    kind = choice_field("补贴类别", SubsidyKind.choices)
    applied_on = date_field("申请日期（材料齐全之日）", initial=date.today)
    channel = choice_field("受理渠道", Channel.choices, initial=Channel.LOCAL)
    receiving_window = text_field("收件窗口（跨省通办时填写）", 100, required=False)
    pushed_on = date_field("推送到户籍地日期（跨省通办时填写）", required=False)


class CheckForm(KitForm):
    passed = choice_field("初审结论", [("yes", "通过，进行公示并报县残联审核"), ("no", "不通过")])
    checked_on = date_field("初审日期（公示自当日起）", initial=date.today)
    note = text_field("初审意见", 300, area=True)


class CdpfForm(KitForm):
    passed = choice_field("审核结论", [("yes", "残疾人证和残疾等级审核通过"), ("no", "不通过")])
    reviewed_on = date_field("审核日期", initial=date.today)
    note = text_field("审核意见（不通过须写明理由）", 300, required=False)


class DecideForm(KitForm):
    approved = choice_field("审定结论", [("yes", "审定发放（自申请当月起）"), ("no", "不予发放")])
    decided_on = date_field("审定日期", initial=date.today)
    note = text_field("审定意见（不予发放须写明理由）", 300, required=False)


class NoticeForm(KitForm):
    noticed_on = date_field("告知申请人日期", initial=date.today)


class StopForm(KitForm):
    last_month = date_field("最后发放月份（该月任一日）", initial=date.today)
    reason = text_field("停发原因", 100)


class TaskDoneForm(KitForm):
    outcome = text_field("处理结果", 300, area=True)
    done_on = date_field("办结日期", initial=date.today)


class CertificateImportForm(KitForm):
    source_department = text_field("来源部门", 50, initial="元宝区残疾人联合会")
    file = forms.FileField(label="残疾人证数据文件", help_text="Excel（.xlsx）或 CSV（UTF-8 或 GBK）文件")


class ApplicationFilterForm(KitForm):
    status = choice_field("状态", [("", "全部"), *Status.choices], required=False)
    kind = choice_field("补贴类别", [("", "全部"), *SubsidyKind.choices], required=False)
    division_code = text_field("区划代码", 12, required=False)


class TaskFilterForm(KitForm):
    kind = choice_field("任务类型", [("", "全部"), *TaskKind.choices], required=False)
    division_code = text_field("区划代码", 12, required=False)


class MissingFilterForm(KitForm):
    division_code = text_field("区划代码", 12, required=False)
    on = date_field("统计日期", required=False)
