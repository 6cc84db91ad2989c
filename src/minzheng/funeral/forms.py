"""Forms of the 殡葬管理 pages: field checks with Chinese messages; the services check the rules again."""

from django import forms

from minzheng.web.kit.forms import (
    KitForm,
    choice_field,
    date_field,
    decimal_field,
    int_field,
    money_field,
    month_field,
    text_field,
)

from .models import (
    ApprovingLevel,
    AshHandling,
    BasicService,
    CemeteryKind,
    DateShown,
    DeathCause,
    DeathPlace,
    EcoMethod,
    HomeKind,
    InspectionResult,
    IssuerKind,
    ItemCategory,
    OrderStatus,
    PlotKind,
    PriceKind,
    WaiverCategory,
)
from .models import CertificateForm as CertificateFormKind


def _choices(enum, blank: str = "全部"):
    return [("", blank), *enum.choices]


class DeathFilterForm(KitForm):
    q = text_field("姓名/证明编号/身份证号", 30, required=False)
    division_code = text_field("区划", 12, required=False)
    died_from = date_field("死亡日期自", required=False)
    died_to = date_field("至", required=False)
    unidentified_only = forms.BooleanField(label="仅无名尸体", required=False)


class DeathCertificateForm(KitForm):
    certificate_number = text_field("死亡医学证明编号", 40)
    certificate_form = choice_field("证明形式", CertificateFormKind.choices)
    id_number = text_field("公民身份号码", 20)
    name = text_field("姓名", 50)
    death_date = date_field("死亡日期")
    death_place = choice_field("死亡地点", DeathPlace.choices)
    cause = choice_field("死亡原因类别", DeathCause.choices)
    issuer_kind = choice_field("签发机构类别", IssuerKind.choices)
    issuer_name = text_field("签发机构", 100)
    issued_on = date_field("签发日期")


class UnidentifiedForm(KitForm):
    police_document_number = text_field("公安机关证明文书编号", 60)
    issuer_name = text_field("出具证明的公安机关", 100)
    issued_on = date_field("出具日期")
    death_date = date_field("死亡（发现）日期")
    found_division_code = text_field("发现地区划代码（12位）", 12)
    death_place = choice_field("死亡地点", DeathPlace.choices)
    cause = choice_field("死亡原因类别", DeathCause.choices)
    body_description = text_field("体貌特征及发现情况", 300, area=True)
    certificate_number = text_field("死亡医学证明编号（如有）", 40, required=False)


class DeathImportForm(KitForm):
    source_department = text_field("来源部门", 50, initial="丹东市卫生健康委员会")
    file = forms.FileField(label="死亡信息文件", help_text="Excel（.xlsx）或 CSV（UTF-8 或 GBK）文件")


class HomeForm(KitForm):
    name = text_field("名称", 100)
    kind = choice_field("类型", HomeKind.choices)
    division_code = text_field("所在区划代码（12位）", 12)
    address = text_field("地址", 200, required=False)
    approval_document = text_field("批准文件", 100, required=False)
    approved_on = date_field("批准日期", required=False)


class FurnaceForm(KitForm):
    code = text_field("炉号", 20)
    model_name = text_field("炉型", 50, required=False)


class ItemForm(KitForm):
    code = text_field("项目编码", 20)
    name = text_field("项目名称", 50)
    category = choice_field("类别", ItemCategory.choices)
    basic_service = choice_field(
        "对应基本服务", [("", "（非基本服务）"), *BasicService.choices], required=False
    )
    price_kind = choice_field("价格管理方式", PriceKind.choices)
    unit = text_field("计价单位", 10)
    unit_price = money_field("单价（元）")
    effective_from = date_field("生效日期")
    source_note = text_field("价格依据（文件）", 300, required=False)


class WaiverRuleForm(KitForm):
    division_code = text_field("适用区划代码（12位）", 12)
    basic_service = choice_field("减免项目", BasicService.choices)
    categories = forms.MultipleChoiceField(
        label="适用对象", choices=WaiverCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    cap_quantity = decimal_field("减免上限（数量，不填为不限）", min_value=0, max_digits=8, places=2)
    cap_unit = text_field("上限单位（公里、天、年…）", 10, required=False)
    effective_from = date_field("生效日期")
    source_note = text_field("政策依据", 300)


class OrderFilterForm(KitForm):
    q = text_field("订单编号/逝者姓名", 30, required=False)
    division_code = text_field("区划", 12, required=False)
    status = choice_field("状态", [("", "全部"), *OrderStatus.choices], required=False)
    waived_only = forms.BooleanField(label="仅惠民减免", required=False)


class OrderForm(KitForm):
    death = forms.TypedChoiceField(label="逝者", coerce=int)
    home = forms.TypedChoiceField(label="殡仪馆", coerce=int)
    ordered_on = date_field("受理日期")
    contact_name = text_field("丧事承办人", 50)
    contact_phone = text_field("联系电话", 20, required=False)
    pickup_at = forms.DateTimeField(
        label="接运时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    pickup_address = text_field("接运地点", 200, required=False)
    pickup_distance_km = decimal_field("接运里程（公里）", min_value=0, max_digits=7, places=1)
    storage_days = int_field("暂存天数", max_value=3650, required=False)
    cremation_at = forms.DateTimeField(
        label="火化时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    furnace = forms.TypedChoiceField(label="火化炉", coerce=int, required=False, empty_value=None)
    ash_handling = choice_field("骨灰去向", AshHandling.choices)

    def __init__(self, *args, deaths=(), homes=(), furnaces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["death"].choices = [("", "请选择"), *deaths]
        self.fields["home"].choices = [("", "请选择"), *homes]
        self.fields["furnace"].choices = [("", "不预约火化"), *furnaces]


class LineForm(KitForm):
    item_code = forms.ChoiceField(label="服务项目")
    quantity = decimal_field("数量", required=True, min_value=0, max_digits=8, places=2)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item_code"].choices = [("", "请选择"), *items]


class RemoveLineForm(KitForm):
    line = forms.TypedChoiceField(label="账单项目", coerce=int)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [("", "请选择"), *lines]


class BillForm(KitForm):
    billed_on = date_field("出账日期")


class CemeteryForm(KitForm):
    name = text_field("名称", 100)
    kind = choice_field("类型", CemeteryKind.choices)
    division_code = text_field("所在区划代码（12位；农村公益性墓地填所服务的村）", 12)
    address = text_field("地址", 200, required=False)
    approving_level = choice_field("审批机关", ApprovingLevel.choices)
    approval_document = text_field("批准文件", 100)
    approved_on = date_field("批准日期")


class SectionForm(KitForm):
    name = text_field("墓区名称", 20)
    rows = int_field("排数", min_value=1, max_value=50)
    columns = int_field("每排墓位数", min_value=1, max_value=60)
    plot_kind = choice_field("墓位类型", PlotKind.choices)
    area_m2 = decimal_field("每个墓位占地面积（平方米）", required=True, min_value=0, max_digits=6, places=2)


class BuryForm(KitForm):
    death = forms.TypedChoiceField(label="逝者", coerce=int)
    on = date_field("安葬日期")
    reserved_for = text_field("预留健在配偶姓名（仅双人墓）", 50, required=False)

    def __init__(self, *args, deaths=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["death"].choices = [("", "请选择"), *deaths]


class RenewForm(KitForm):
    on = date_field("续期办理日期")


class InspectionForm(KitForm):
    year = int_field("年度", min_value=2000, max_value=2100)
    result = choice_field("结论", InspectionResult.choices)
    inspected_on = date_field("检查日期")
    note = text_field("问题及整改要求", 300, required=False)


class SettlementForm(KitForm):
    home = forms.TypedChoiceField(label="殡仪馆", coerce=int)
    month = month_field("结算月份")

    def __init__(self, *args, homes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home"].choices = [("", "请选择"), *homes]


class SubmitForm(KitForm):
    confirm = forms.BooleanField(label="确认提交审核", required=False)


class ApproveForm(KitForm):
    confirm = forms.BooleanField(label="确认审核通过", required=False)


class SendBackForm(KitForm):
    reason = text_field("退回意见", 200)


class EcoBurialForm(KitForm):
    method = choice_field("安葬方式", EcoMethod.choices)
    buried_on = date_field("安葬日期")
    cemetery = forms.TypedChoiceField(
        label="公墓（海葬、撒散等可不选）", coerce=int, required=False, empty_value=None
    )
    place = text_field("安葬地点", 100, required=False)
    family_name = text_field("领取奖补的家属（不填不发奖补）", 50, required=False)

    def __init__(self, *args, cemeteries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cemetery"].choices = [("", "不选"), *cemeteries]


class EcoAwardRuleForm(KitForm):
    division_code = text_field("适用区划代码（12位）", 12)
    method = choice_field("安葬方式", EcoMethod.choices)
    amount = money_field("奖补金额（元/人）")
    effective_from = date_field("生效日期")
    source_note = text_field("政策依据", 300)


class AwardListForm(KitForm):
    division_code = text_field("发放区划代码（12位）", 12)
    month = month_field("发放月份")


class MemorialForm(KitForm):
    shown_name = text_field("显示姓名（家属选定）", 50)
    dates_shown = choice_field("显示日期", DateShown.choices)
    consent_by = text_field("同意公开的家属", 50)
    consent_relation = text_field("与逝者关系", 20)
    consent_on = date_field("同意日期")


class ProxyTributeForm(KitForm):
    cemetery = forms.TypedChoiceField(label="公墓", coerce=int)
    requested_by = text_field("委托人", 50)
    services = text_field("祭扫内容（献花、清扫墓碑等）", 100)
    due_on = date_field("约定日期")

    def __init__(self, *args, cemeteries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cemetery"].choices = [("", "请选择"), *cemeteries]


class ProxyDoneForm(KitForm):
    on = date_field("完成日期")
    note = text_field("完成情况", 200)


class QuotaForm(KitForm):
    cemetery = forms.TypedChoiceField(label="公墓", coerce=int)
    day = date_field("日期")
    capacity = int_field("可预约人数", min_value=0, max_value=100000)

    def __init__(self, *args, cemeteries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cemetery"].choices = [("", "请选择"), *cemeteries]


class VisitBookingForm(KitForm):
    name = text_field("预约人姓名", 50)
    phone = text_field("手机号码", 11)
    party = int_field("人数", min_value=1, max_value=20)


class CancelVisitForm(KitForm):
    code = text_field("预约号", 12)
    phone = text_field("手机号码", 11)


class WithdrawForm(KitForm):
    confirm = forms.BooleanField(label="家属撤回同意", required=False)


class TributeForm(KitForm):
    pass


class DrawRoundForm(KitForm):
    title = text_field("抽查名称", 100)
    planned_on = date_field("计划检查日期")
    share_percent = int_field("抽查比例（%）", min_value=1, max_value=100)
    team_size = int_field("每组检查人员数", min_value=1, max_value=10)
    seed = int_field("随机种子（公开）", min_value=0, max_value=2_000_000_000)


class InspectionRecordForm(KitForm):
    inspected_on = date_field("检查日期")
    unannounced = forms.BooleanField(
        label="四不两直（不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场）", required=False
    )
    findings = text_field("检查情况", 500)
    charges = forms.CharField(
        label="收费核查（每行：项目编码=实收单价，如 J04=400）",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
    )

    def clean_charges(self):
        from decimal import Decimal, InvalidOperation

        found = {}
        for number, line in enumerate(self.cleaned_data.get("charges", "").splitlines(), start=1):
            if not line.strip():
                continue
            code, _, amount = line.partition("=")
            try:
                value = Decimal(amount.strip())
            except InvalidOperation:
                raise forms.ValidationError(f"第{number}行应为“项目编码=实收单价”") from None
            if not code.strip() or not value.is_finite() or value < 0 or value > Decimal("999999"):
                raise forms.ValidationError(f"第{number}行应为“项目编码=实收单价”")
            found[code.strip()[:20]] = value.quantize(Decimal("0.01"))
        return found


class FineForm(KitForm):
    amount = money_field("罚款金额（元）")
    document = text_field("处罚决定书文号", 100)
    decided_on = date_field("处罚决定日期")


class RectifiedForm(KitForm):
    on = date_field("整改完成日期")


class LicenceForm(KitForm):
    facility = forms.ChoiceField(label="殡葬设施")
    title = text_field("许可事项", 50)
    document = text_field("批准（许可）文号", 100)
    issued_by = text_field("发证机关", 100)
    issued_on = date_field("发证日期")
    valid_to = date_field("有效期至（长期有效不填）", required=False)

    def __init__(self, *args, facilities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].choices = [("", "请选择"), *facilities]
