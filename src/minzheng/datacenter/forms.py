"""数据中心's forms: finding whose file to open."""

from minzheng.web.kit.forms import KitForm, text_field


class FileSearchForm(KitForm):
    q = text_field("姓名/身份证号/户编号", 30, required=False)
