"""婚姻登记 (marriage registration): 婚姻登记机关 and 登记员, 结婚登记 with same-day certificates, 协议离婚 with the
离婚冷静期 (民法典 第一千零七十七条) as an action on the marriage record, and marital status kept in step with
the registry's deaths (丧偶)."""
