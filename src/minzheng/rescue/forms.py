"""Forms of the 救助管理 pages: field checks with Chinese messages; the services check the rules again."""

from django import forms

from minzheng.web.kit.forms import KitForm, choice_field, date_field, int_field, text_field

from .models import ActionKind, Discharge, IntakeSource, RoomSex, ServiceKind


def _choices(enum, blank: str = "全部"):
    return [("", blank), *enum.choices]


class StationForm(KitForm):
    name = text_field("名称", 100)
    division_code = text_field("所在区划代码", 12)
    address = text_field("地址", 200, required=False)
    phone = text_field("求助电话", 30, required=False)


class RoomForm(KitForm):
    code = text_field("房间号", 20)
    sex = choice_field("性别", RoomSex.choices)
    beds = int_field("床位数", min_value=1, max_value=200)


class ClientFilterForm(KitForm):
    q = text_field("受助编号/姓名", 30, required=False)
    division_code = text_field("区划", 12, required=False)
    status = choice_field("状态", [("", "全部"), ("in", "在站"), *Discharge.choices], required=False)
    unidentified_only = forms.BooleanField(label="仅身份不明", required=False)


class IntakeForm(KitForm):
    station = forms.ChoiceField(label="救助站")
    source = choice_field("来站方式", IntakeSource.choices)
    admitted_at = forms.DateTimeField(label="入站时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                      input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"])  # fmt: skip
    handover_ref = text_field("交接表编号（公安护送时必填）", 40, required=False)
    escort_unit = text_field("护送单位", 100, required=False)
    id_number = text_field("公民身份号码（无法查明可不填）", 20, required=False)
    name = text_field("姓名（自述）", 50, required=False)
    sex = choice_field("性别", _choices(RoomSex, "请选择"), required=False)
    estimated_age = int_field("估计年龄（身份不明时必填）", max_value=120, required=False)
    dialect = text_field("语言/口音", 50, required=False)
    hometown_text = text_field("自述来处", 100, required=False)
    found_place = text_field("发现地点", 200, required=False)
    found_code = text_field("发现地区划代码", 12, required=False)
    features = text_field("体貌特征（以顿号分隔）", 300, required=False)
    health_notes = text_field("健康状况", 300, required=False)
    photo_ref = text_field("照片编号", 60, required=False)
    fingerprint_ref = text_field("指纹编号", 60, required=False)
    dna_sample_ref = text_field("DNA样本编号", 60, required=False)
    room = forms.ChoiceField(label="房间", required=False)

    def __init__(self, *args, stations=(), rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].choices = [(str(s.pk), s.name) for s in stations]
        self.fields["room"].choices = [("", "暂不安排")] + [
            (str(r.pk), f"{r.station.name} {r.code}（{r.get_sex_display()}）") for r in rooms
        ]


class RoomAssignForm(KitForm):
    room = forms.ChoiceField(label="房间")

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = [(str(r.pk), f"{r.code}（{r.get_sex_display()}）") for r in rooms]


class BelongingForm(KitForm):
    item = text_field("物品", 100)
    quantity = int_field("数量", min_value=1, max_value=999)
    note = text_field("备注", 200, required=False)


class ServiceForm(KitForm):
    kind = choice_field("服务", ServiceKind.choices)
    on = date_field("日期")
    note = text_field("说明", 200, required=False)


class ExtensionForm(KitForm):
    filed_on = date_field("报备日期")
    filing_ref = text_field("报备文号", 60)
    until = date_field("延长至")
    reason = text_field("原因", 200)


class ActionForm(KitForm):
    kind = choice_field("寻亲措施", [c for c in ActionKind.choices if c[0] != ActionKind.IDENTIFIED])
    at = forms.DateTimeField(label="时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                             input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"])  # fmt: skip
    reference = text_field("编号或渠道", 100, required=False)
    note = text_field("说明", 300, required=False)


class IdentifyForm(KitForm):
    name = text_field("姓名", 50)
    id_number = text_field("公民身份号码", 20, required=False)
    hometown_code = text_field("户籍地区划代码", 12, required=False)
    hometown_text = text_field("户籍地", 100, required=False)
    reference = text_field("查明途径", 100, required=False)


class ProposalForm(KitForm):
    proposal = int_field("候选", min_value=1)
    decision = choice_field("处理", [("confirm", "确认"), ("reject", "排除")])


class MatchRunForm(KitForm):
    """寻亲比对: no fields — the matcher runs on the client's record."""


class ReturnForm(KitForm):
    destination = text_field("返回地", 200)
    destination_code = text_field("返回地区划代码", 12, required=False)
    escort = text_field("护送人员", 100, required=False)
    voucher = text_field("乘车凭证", 100, required=False)
    receiving_party = text_field("接收人或单位", 100)
    handed_over_on = date_field("交接日期")


class DischargeForm(KitForm):
    kind = choice_field("离站方式", [c for c in Discharge.choices if c[0] != Discharge.RETURNED])
    destination = text_field("去向", 200, required=False)


class ReportForm(KitForm):
    division_code = text_field("受理区划代码", 12)
    reported_on = date_field("报告日期")
    reporter = text_field("报告人", 50)
    reporter_phone = text_field("联系电话", 20, required=False)
    name = text_field("走失人员姓名", 50)
    sex = choice_field("性别", RoomSex.choices)
    birth_year = int_field("出生年份", min_value=1880, max_value=2100, required=False)
    home_code = text_field("住所地区划代码", 12, required=False)
    last_seen = text_field("走失地点", 200, required=False)
    features = text_field("体貌特征（以顿号分隔）", 300, required=False)


class RegistryFilterForm(KitForm):
    q = text_field("姓名/手环编号", 30, required=False)
    division_code = text_field("区划", 12, required=False)


class WanderRiskForm(KitForm):
    division_code = text_field("居住地区划代码", 12)
    name = text_field("姓名", 50)
    id_number = text_field("公民身份号码", 20, required=False)
    sex = choice_field("性别", RoomSex.choices)
    birth_date = date_field("出生日期（无身份号码时填写）", required=False)
    address = text_field("住址", 200, required=False)
    dementia = forms.BooleanField(label="认知障碍（失智）", required=False)
    intellectual = forms.BooleanField(label="智力残疾", required=False)
    mental = forms.BooleanField(label="精神障碍", required=False)
    features = text_field("体貌特征（以顿号分隔）", 300, required=False)
    photo_ref = text_field("照片编号", 60, required=False)
    wearable_id = text_field("防走失手环编号", 60, required=False)
    guardian_name = text_field("监护人", 50)
    guardian_phone = text_field("监护人电话", 20)
    consent_on = date_field("监护人同意日期")


class VisitForm(KitForm):
    on = date_field("回访日期")
    note = text_field("回访情况", 300)
