"""Forms of the 婚姻登记 pages (KitForm: Chinese, field-named errors); the services check the rules again."""

from django import forms

from minzheng.web.kit.forms import FlagField, KitForm, choice_field, date_field, text_field

from .models import (
    AppointmentBusiness,
    AppointmentStatus,
    CounsellingKind,
    CounsellingOutcome,
    DivorceStatus,
    DocumentKind,
    IdType,
    JudgmentKind,
    MarriageStatus,
    Party,
    PriorStatus,
    RegistryLevel,
)


class RegistryForm(KitForm):
    name = text_field("登记机关名称", 100)
    division_code = text_field("所在区划代码", 12, help_text="县级机关填6位代码，如 210602；乡镇填9位")
    level = choice_field("机关类别", RegistryLevel.choices)
    address = text_field("地址", 200, required=False)
    phone = text_field("联系电话", 30, required=False)


class RegistrarForm(KitForm):
    user = choice_field("登记员（经办人）", [])
    qualification_number = text_field("登记员资格证号", 40, required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "请选择")] + [
            (str(u.pk), f"{u.full_name or u.username}（{u.username}）") for u in candidates
        ]


class RegistrarActiveForm(KitForm):
    active = choice_field("状态", [("1", "在岗"), ("0", "离岗")])

    def clean_active(self) -> bool:
        return self.cleaned_data["active"] == "1"


def _party_fields(prefix: str, role: str) -> dict:
    return {
        f"{prefix}_name": text_field(f"{role}姓名", 50),
        f"{prefix}_id_type": choice_field(f"{role}证件类型", IdType.choices, initial=IdType.RESIDENT),
        f"{prefix}_id_number": text_field(f"{role}证件号码", 30),
        f"{prefix}_birth_date": date_field(
            f"{role}出生日期", required=False, help_text="仅持护照或港澳台通行证时填写"
        ),
        f"{prefix}_nationality": text_field(f"{role}国籍", 30, required=False, initial="中国"),
        f"{prefix}_prior_status": choice_field(f"{role}婚前婚姻状况", PriorStatus.choices),
    }


class MarriageForm(KitForm):
    registry = choice_field("登记机关", [])
    locals().update(_party_fields("male", "男方"))
    locals().update(_party_fields("female", "女方"))
    declared_voluntary = FlagField("双方当场声明完全自愿结婚")
    declared_no_spouse = FlagField("双方已签署本人无配偶的声明")
    declared_no_prohibited_kinship = FlagField("双方已签署没有直系血亲和三代以内旁系血亲关系的声明")
    disease_disclosure = text_field(
        "重大疾病告知情况",
        200,
        required=False,
        help_text="民法典第一千零五十三条：患有重大疾病的应在登记前如实告知",
    )

    def __init__(self, *args, registries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registry"].choices = [(str(r.pk), r.name) for r in registries]


class DivorceReceiveForm(KitForm):
    registry = choice_field("受理机关", [])
    children = text_field("子女抚养", 2000, area=True, help_text="无子女的填“无”")
    property = text_field("财产处理", 2000, area=True)
    debts = text_field("债务处理", 2000, area=True, help_text="无共同债务的填“无”")

    def __init__(self, *args, registries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registry"].choices = [(str(r.pk), r.name) for r in registries]


class WithdrawForm(KitForm):
    party_sex = choice_field("撤回申请的一方", [("", "请选择"), *Party.SEXES])


class RegisterDivorceForm(KitForm):
    both_present = FlagField("双方均已亲自到场并申请发给离婚证")
    review_note = text_field("审查意见", 500, required=False)


class RefuseDivorceForm(KitForm):
    review_note = text_field("不予登记的理由", 500, area=True)


class MarriageFilterForm(forms.Form):
    q = forms.CharField(label="姓名/证件号码/证书字号", required=False, max_length=30)
    status = forms.ChoiceField(
        label="婚姻状态", required=False, choices=[("", "全部"), *MarriageStatus.choices]
    )
    year = forms.IntegerField(label="登记年份", required=False, min_value=1950, max_value=2100)


class DivorceFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *DivorceStatus.choices])
    stage = forms.ChoiceField(
        label="今日所处期间",
        required=False,
        choices=[("", "全部"), ("withdrawal", "冷静期（可撤回）"), ("appearance", "待双方到场申请发证")],
    )


class OpenSlotsForm(KitForm):
    start = date_field("开始日期")
    end = date_field("结束日期")
    morning = forms.IntegerField(label="上午可预约数", min_value=0, max_value=200, initial=10)
    afternoon = forms.IntegerField(label="下午可预约数", min_value=0, max_value=200, initial=10)


class BookingForm(KitForm):
    business = choice_field("预约事项", AppointmentBusiness.choices)
    name = text_field("预约人姓名", 50)
    id_number = text_field("公民身份号码", 18)
    phone = text_field("联系电话", 20)


class CancelBookingForm(KitForm):
    code = text_field("预约号", 12)
    id_number = text_field("公民身份号码", 18)


class AttendForm(KitForm):
    confirm = FlagField("预约人已到场")


class AppointmentFilterForm(forms.Form):
    day = forms.DateField(label="日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *AppointmentStatus.choices]
    )


class ReissueForm(KitForm):
    kind = choice_field("补领证件", [("BJ", "结婚证"), ("BL", "离婚证")])
    applicant_sex = choice_field("申请补领的一方", [("", "请选择"), *Party.SEXES])
    registry = choice_field("办理机关", [])

    def __init__(self, *args, registries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registry"].choices = [(str(r.pk), r.name) for r in registries]


class DocumentForm(KitForm):
    kind = choice_field("材料类别", DocumentKind.choices)
    file = forms.FileField(label="扫描文件（JPG、PNG 或 PDF，不超过10 MB）")


class ArchiveSearchForm(KitForm):
    id_number = text_field("当事人证件号码", 30)
    purpose = text_field("查询事由", 200, help_text="如：当事人申请补领结婚证")


class BackfillForm(KitForm):
    registry = choice_field("档案保管机关", [])
    original_registry = text_field("原登记机关", 100)
    registered_on = date_field("原登记日期")
    certificate_number = text_field("原结婚证字号", 20)
    male_name = text_field("男方姓名", 50)
    male_id_number = text_field("男方公民身份号码", 18)
    male_prior_status = choice_field("男方婚前婚姻状况", PriorStatus.choices)
    female_name = text_field("女方姓名", 50)
    female_id_number = text_field("女方公民身份号码", 18)
    female_prior_status = choice_field("女方婚前婚姻状况", PriorStatus.choices)
    ended_on = date_field("婚姻终止日期", required=False, help_text="婚姻尚存续的留空")
    end_status = choice_field(
        "终止原因", [(MarriageStatus.DIVORCED, "离婚"), (MarriageStatus.WIDOWED, "一方死亡")], required=False
    )

    def __init__(self, *args, registries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registry"].choices = [(str(r.pk), r.name) for r in registries]


class RoomForm(KitForm):
    name = text_field("辅导室名称", 100)
    opened_on = date_field("启用日期")


class SessionForm(KitForm):
    room = choice_field("辅导室", [])
    held_on = date_field("辅导日期")
    kind = choice_field("辅导类型", CounsellingKind.choices)
    counsellor = text_field("辅导员", 50)
    outcome = choice_field("辅导结果", CounsellingOutcome.choices)
    divorce_id = forms.IntegerField(
        label="关联离婚登记申请编号", required=False, min_value=1, max_value=2**31 - 1
    )
    note = text_field("工作记录（不含个人隐私）", 200, required=False)

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = [(str(r.pk), f"{r.registry.name} {r.name}") for r in rooms]


class JudgmentForm(KitForm):
    kind = choice_field("裁判类型", JudgmentKind.choices)
    court = text_field("人民法院", 100)
    case_number = text_field("案号", 60)
    effective_on = date_field("生效日期")
