"""National code tables the registry uses (性别 GB/T 2261.1, 民族 GB/T 3304, 家庭关系 GB/T 4761,
残疾类别与等级 GB/T 26341), with the spellings caseworkers type in spreadsheets mapped onto them."""

SEXES = [("1", "男"), ("2", "女")]
SEX_BY_LABEL = {"男": "1", "女": "2", "1": "1", "2": "2"}

ETHNICITIES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 "
    "傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 "
    "毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 "
    "独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 其他 外国血统中国籍人士"
).split()
ETHNICITY_CHOICES = [(e, e) for e in ETHNICITIES]

RELATION_HEAD = "01"
RELATIONS = [
    ("01", "户主"),
    ("10", "配偶"),
    ("20", "子"),
    ("30", "女"),
    ("40", "孙子女"),
    ("50", "父母"),
    ("60", "祖父母"),
    ("70", "兄弟姐妹"),
    ("80", "其他亲属"),
    ("99", "非亲属"),
]
RELATION_BY_LABEL = {
    **{label: code for code, label in RELATIONS},
    **{code: code for code, _ in RELATIONS},
    "本人": "01",
    "户主本人": "01",
    "夫": "10",
    "妻": "10",
    "丈夫": "10",
    "妻子": "10",
    "儿子": "20",
    "长子": "20",
    "次子": "20",
    "女儿": "30",
    "长女": "30",
    "次女": "30",
    "孙子": "40",
    "孙女": "40",
    "外孙子": "40",
    "外孙女": "40",
    "父亲": "50",
    "母亲": "50",
    "祖父": "60",
    "祖母": "60",
    "外祖父": "60",
    "外祖母": "60",
    "兄": "70",
    "弟": "70",
    "姐": "70",
    "妹": "70",
    "哥哥": "70",
    "弟弟": "70",
    "姐姐": "70",
    "妹妹": "70",
    "儿媳": "80",
    "女婿": "80",
    "其他": "80",
}

DISABILITY_CATEGORIES = [
    ("视力", "视力残疾"),
    ("听力", "听力残疾"),
    ("言语", "言语残疾"),
    ("肢体", "肢体残疾"),
    ("智力", "智力残疾"),
    ("精神", "精神残疾"),
    ("多重", "多重残疾"),
]
DISABILITY_CATEGORY_BY_LABEL = {
    **{code: code for code, _ in DISABILITY_CATEGORIES},
    **{label: code for code, label in DISABILITY_CATEGORIES},
}
DISABILITY_GRADES = [(1, "一级"), (2, "二级"), (3, "三级"), (4, "四级")]
DISABILITY_GRADE_BY_LABEL = {
    **{str(g): g for g, _ in DISABILITY_GRADES},
    **{label: g for g, label in DISABILITY_GRADES},
    **{label[0]: g for g, label in DISABILITY_GRADES},
}

AREA_TYPE_BY_LABEL = {"城市": "urban", "城镇": "urban", "农村": "rural", "乡村": "rural"}
