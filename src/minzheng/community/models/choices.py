"""Choices shown in Chinese; stored codes are never displayed."""

from django.db import models

from ..rules.meetings import ART24_CATEGORIES


class CommitteeKind(models.TextChoices):
    VILLAGE = "village", "村民委员会"
    RESIDENTS = "residents", "居民委员会"


class MemberRole(models.TextChoices):
    DIRECTOR = "director", "主任"
    DEPUTY = "deputy", "副主任"
    MEMBER = "member", "委员"


SEX_CHOICES = [("1", "男"), ("2", "女")]

RELATION_CHOICES = [
    ("none", "无亲属关系"),
    ("spouse", "配偶"),
    ("parent", "父母"),
    ("child", "子女"),
    ("sibling", "兄弟姐妹"),
    ("grandparent", "祖父母、外祖父母"),
    ("grandchild", "孙子女、外孙子女"),
    ("other", "其他亲属（非近亲属）"),
]


class RoundStatus(models.TextChoices):
    PREPARING = "preparing", "筹备中"
    PUBLISHED = "published", "选民名单已公布"
    HELD = "held", "已选举"
    FAILED = "failed", "选举无效"


VOTER_CATEGORIES = [
    ("1", "户籍在本村并在本村居住"),
    ("2", "户籍在本村、不在本村居住，本人表示参加选举"),
    ("3", "户籍不在本村、在本村居住一年以上，经同意参加选举"),
]


class MeetingKind(models.TextChoices):
    ASSEMBLY = "assembly", "村（居）民会议"
    REPRESENTATIVES = "representatives", "村（居）民代表会议"


DECISION_CATEGORIES = ART24_CATEGORIES


class DisclosureCategory(models.TextChoices):
    DECISIONS = "decisions", "村民会议、代表会议决定事项及实施情况"
    FINANCE = "finance", "财务收支情况"
    RELIEF = "relief", "救灾救助、补贴补助资金物资管理使用"
    ASSIST = "assist", "协助人民政府开展工作情况"
    MAJOR = "major", "涉及村民利益的重大事项"
    OTHER = "other", "村民普遍关心的其他事项"


# 第三十条: finances monthly, major items at once, the rest at least quarterly
FREQUENCY_OF = {"finance": "monthly", "major": "immediate"}
FREQUENCY_LABELS = {"monthly": "每月", "quarterly": "每季度", "immediate": "随时"}

CHANNEL_CHOICES = [("board", "村务公开栏"), ("online", "网络平台"), ("both", "公开栏和网络平台")]


class AppraisalResult(models.TextChoices):
    FIT = "fit", "称职"
    BASIC = "basic", "基本称职"
    UNFIT = "unfit", "不称职"


WORKER_POSTS = [
    ("secretary", "党组织书记"),
    ("director", "居（村）委会主任"),
    ("member", "居（村）委会成员"),
    ("staff", "专职社区工作者"),
    ("grid", "专职网格员"),
]
CERTIFICATES = [
    ("", "无"),
    ("assistant", "助理社会工作师"),
    ("social", "社会工作师"),
    ("senior", "高级社会工作师"),
]
GRID_ROLES = [("leader", "网格长"), ("worker", "网格员")]


class EventKind(models.TextChoices):
    HARDSHIP = "hardship", "生活困难"
    ELDER = "elder", "老年人需关照"
    CHILD = "child", "儿童需关爱"
    DISPUTE = "dispute", "矛盾纠纷"
    HAZARD = "hazard", "安全隐患"
    OTHER = "other", "其他"


class EventStatus(models.TextChoices):
    OPEN = "open", "待处置"
    REFERRED = "referred", "已转社会救助"
    CLOSED = "closed", "已办结"
