"""Forms of the 殡葬管理 pages: field checks with Chinese messages; the services check the rules again."""

from django import forms

from minzheng.web.kit.forms import KitForm, choice_field, date_field, text_field

from .models import CertificateForm as CertificateFormKind
from .models import DeathCause, DeathPlace, IssuerKind


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
    file = forms.FileField(label="死亡信息文件（.xlsx / .csv）")
