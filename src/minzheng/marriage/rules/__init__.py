"""Pure rules of 婚姻登记: 法定婚龄, certificate numbers, the 离婚冷静期 windows. Policy numbers arrive as arguments."""
