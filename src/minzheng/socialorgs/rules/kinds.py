"""The kinds of social organisation and their USCC 机构类别 digit (pure; the models use the same values)."""

from enum import StrEnum


class OrgKind(StrEnum):
    ASSOCIATION = "association"  # 社会团体
    SERVICE = "service"  # 社会服务机构（民办非企业单位）
    FOUNDATION = "foundation"  # 基金会


class OrgForm(StrEnum):
    """登记证书的形式: 社会服务机构 法人/合伙/个体 (民办非企业单位登记管理暂行条例 第十二条);
    基金会 公募/非公募 (基金会管理条例 第三条); 社会团体 only 法人."""

    LEGAL_PERSON = "legal_person"
    PARTNERSHIP = "partnership"
    INDIVIDUAL = "individual"
    PUBLIC = "public"
    NON_PUBLIC = "non_public"


KIND_LABELS = {OrgKind.ASSOCIATION: "社会团体", OrgKind.SERVICE: "社会服务机构", OrgKind.FOUNDATION: "基金会"}
FORM_LABELS = {
    OrgForm.LEGAL_PERSON: "法人",
    OrgForm.PARTNERSHIP: "合伙",
    OrgForm.INDIVIDUAL: "个体",
    OrgForm.PUBLIC: "公募",
    OrgForm.NON_PUBLIC: "非公募",
}
FORMS_OF = {
    OrgKind.ASSOCIATION: (OrgForm.LEGAL_PERSON,),
    OrgKind.SERVICE: (OrgForm.LEGAL_PERSON, OrgForm.PARTNERSHIP, OrgForm.INDIVIDUAL),
    OrgKind.FOUNDATION: (OrgForm.PUBLIC, OrgForm.NON_PUBLIC),
}
# GB 32100-2015 附录: 登记管理部门 民政 = 5; 机构类别 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他.
USCC_KIND_DIGIT = {OrgKind.ASSOCIATION: "1", OrgKind.SERVICE: "2", OrgKind.FOUNDATION: "3"}
