"""流浪乞讨人员救助管理: stations, intake, 寻亲 with a matcher, 易走失人员信息库, 接送返回, 长期滞留 (issue 25)."""
