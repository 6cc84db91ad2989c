"""A small tone-marked reading table for the characters of place names (pypinyin is not installed: see the
README). One reading per character — the one place names use (长 cháng as in 长春, 堡 bǔ as in 吴堡 is the
exception noted: 东北 place names read 堡 pù/bǔ/bǎo locally; the table keeps bǎo). A character missing
here is reported, never guessed. Tones: 1–4, 5 for the neutral tone."""

# syllable+tone → characters
_TABLE = """
a1 阿
ai1 哀 ai4 爱 艾 碍 an1 安 鞍 庵 an4 岸 按 案 暗 ang2 昂 ao2 敖 鳌 ao4 奥 澳
ba1 八 巴 ba3 把 ba4 坝 霸 bai2 白 bai3 百 柏 bai4 拜 ban1 班 般 ban3 板 ban4 半 伴 bang1 邦 帮 bang4 棒
bao1 包 苞 bao3 宝 保 堡 饱 bao4 报 抱 bei3 北 bei4 贝 背 备 ben3 本 bi4 必 碧 壁 璧 bian1 边 编 bian4 卞 便
biao1 标 bin1 宾 滨 彬 bing1 兵 冰 bo2 博 泊 bu4 布 步 部 埠 bu3 卜
cai2 才 材 cai3 彩 采 can2 蚕 cang1 仓 苍 沧 cao3 草 ce4 策 cen2 岑 ceng2 层 cha2 茶 查 cha4 汊 岔
chai2 柴 chan3 产 chang2 长 常 场 肠 尝 chang1 昌 菖 chang3 厂 场 chang4 唱 畅 chao2 朝 潮 巢 che1 车 chen2 陈 辰 晨 沉 臣
cheng2 城 成 承 诚 程 澄 chi2 池 驰 chi4 赤 chong2 崇 重 chu1 出 初 chu3 楚 础 chu4 处 chuan1 川 穿 chuan2 船 传
chuang1 窗 chui2 垂 chun1 春 椿 chun2 纯 淳 ci2 慈 磁 ci4 次 cong1 聪 葱 cong2 丛 从 cui4 翠 cun1 村 cun4 寸
da2 达 da4 大 dai4 代 带 岱 戴 dan1 丹 单 郸 dan4 旦 淡 dang1 当 dao3 岛 导 dao4 道 稻 de2 德 deng1 灯 登 deng4 邓 di1 堤 di2 迪 di4 地 弟 帝 第 棣
dian1 颠 dian3 典 点 dian4 甸 店 电 殿 淀 diao4 钓 ding3 顶 鼎 ding4 定 dong1 东 冬 dong3 董 dong4 洞 栋 dou4 斗 窦
du1 都 du2 独 du4 渡 杜 度 duan1 端 duan4 段 断 dui4 对 队 dun1 敦 墩 duo1 多
e2 峨 鹅 e4 鄂 en1 恩 er2 儿 er3 尔 er4 二
fa1 发 fan1 帆 番 fan2 凡 繁 樊 fan4 范 饭 fang1 方 芳 fang2 房 防 fang3 访 fang4 放 fei1 飞 fei2 肥 fen1 分 芬 fen2 汾 feng1 丰 风 枫 峰 锋 封 蜂 feng4 凤 奉
fu2 福 芙 扶 服 浮 fu3 府 抚 斧 fu4 阜 富 复 傅
gai3 改 gan1 甘 干 gan3 感 gang1 钢 刚 gang3 港 岗 gao1 高 糕 ge1 歌 哥 鸽 ge2 格 阁 葛 gen1 根 geng1 耕 gong1 工 公 功 宫 弓 gong4 贡 共 gou1 沟 gou3 狗 gu1 姑 孤 gu3 古 谷 鼓 gu4 固 顾
gua1 瓜 guan1 关 官 观 冠 guan3 馆 管 guan4 贯 灌 guang1 光 guang3 广 gui1 归 龟 gui4 桂 贵 gun3 滚 guo2 国 郭 guo3 果 guo4 过
hai2 孩 hai3 海 han2 韩 寒 涵 han4 汉 翰 hang2 航 杭 hao2 豪 hao3 好 hao4 浩 号 昊 he2 和 河 合 荷 禾 he4 鹤 贺 hei1 黑 heng2 恒 衡 横
hong2 红 宏 虹 鸿 洪 弘 hou4 后 厚 侯 候 hu2 湖 胡 壶 葫 狐 hu3 虎 hu4 户 护 沪 hua1 花 hua2 华 滑 划 hua4 画 化 桦 huai2 怀 淮 槐 huan2 环 桓 huan4 换 焕 huang2 黄 皇 凰 huang4 晃
hui1 辉 徽 晖 hui2 回 hui4 惠 会 汇 慧 hun2 浑 hun4 混 huo3 火 huo4 货
ji1 鸡 基 机 积 ji2 吉 集 级 极 ji3 几 ji4 记 纪 冀 济 继 季 jia1 家 佳 加 嘉 jia3 甲 jian1 尖 坚 间 兼 jian3 简 碱 jian4 建 剑 涧 健 箭 鉴 jiang1 江 姜 疆 jiang3 奖 蒋 jiang4 匠 降
jiao1 交 郊 蛟 jiao3 角 脚 jiao4 教 轿 jie1 街 阶 jie2 杰 洁 结 jie4 界 jin1 金 今 津 jin3 锦 jin4 近 进 晋 jing1 京 晶 泾 经 jing3 景 井 警 jing4 静 敬 镜 境 jiu3 九 久 酒 jiu4 旧 ju1 居 ju2 菊 局 ju4 巨 聚 jun1 军 君 jun4 俊 郡 峻 骏
kai1 开 kai3 凯 kang1 康 kang4 抗 kao3 考 ke1 科 ke3 可 ke4 克 客 kong3 孔 kou3 口 ku4 库 kua4 跨 kuan1 宽 kuang4 矿 kui2 奎 葵 kun1 坤 昆
la1 拉 la4 腊 lai2 来 莱 lan2 兰 蓝 岚 澜 lan3 览 lang2 郎 狼 廊 lang3 朗 lang4 浪 lao2 劳 lao3 老 le4 乐 lei2 雷 leng2 冷 li2 梨 黎 离 li3 里 李 理 礼 li4 力 立 利 丽 栗 历 荔
lian2 莲 连 联 廉 lian4 练 恋 liang2 良 梁 粮 liang3 两 liang4 亮 lin2 林 临 琳 霖 ling2 灵 玲 铃 陵 凌 龄 ling3 岭 ling4 令 liu2 刘 流 留 榴 liu3 柳 liu4 六
long2 龙 隆 long3 陇 垄 lou2 楼 lu2 卢 芦 炉 lu3 鲁 lu4 路 鹿 陆 露 录 lü3 吕 旅 lü4 绿 律 luan2 滦 lun2 伦 轮 luo2 罗 萝 螺 luo4 洛 落 骆
ma3 马 码 mai4 麦 man3 满 man4 曼 mang2 芒 mao2 毛 茅 mao4 茂 贸 mei2 梅 眉 玫 煤 mei3 美 men2 门 meng2 蒙 萌 meng4 孟 梦 mi3 米 mi4 密 mian2 棉 miao2 苗 miao4 庙 妙 min2 民 ming2 明 名 鸣 mo2 模 磨 mo4 墨 默 mu3 母 牡 mu4 木 牧 目 穆 幕
nan2 南 楠 nei4 内 neng2 能 ni2 泥 nian2 年 niao3 鸟 ning2 宁 凝 niu2 牛 nong2 农 浓 nuan3 暖
ou1 欧 鸥
pa2 爬 pai2 排 pan2 盘 磐 pan4 畔 pang2 庞 pei2 培 裴 peng2 彭 蓬 鹏 pi2 皮 ping2 平 坪 屏 萍 苹 瓶 po1 坡 po2 婆 pu3 浦 普 朴 pu4 铺 瀑
qi1 七 期 栖 qi2 齐 其 奇 祁 棋 旗 骑 歧 qi3 起 启 qi4 气 汽 器 qian1 千 迁 铅 qian2 前 钱 乾 潜 qian3 浅 qiang2 强 墙 qiao2 桥 乔 侨 qin1 亲 钦 qin2 秦 琴 勤 qing1 青 清 轻 卿 qing2 晴 情 qing4 庆 qiu1 秋 丘 qiu2 球 求 qu1 区 曲 qu2 渠 quan2 泉 全 权 que4 鹊 确 qun2 群
ran2 然 rang2 瓤 re4 热 ren2 人 仁 ri4 日 rong2 荣 容 融 蓉 ru2 如 儒 rui4 瑞 锐 run4 润
sa4 萨 san1 三 sang1 桑 sen1 森 sha1 沙 砂 纱 shan1 山 杉 珊 衫 shan4 善 扇 shang1 商 shang4 上 尚 shao2 勺 shao3 少 shao4 绍 邵 she4 社 舍 射 shen1 深 申 参 shen2 神 shen3 沈 审 sheng1 生 升 声 sheng4 胜 圣 盛 sheng3 省
shi1 师 诗 狮 施 湿 shi2 十 石 时 实 拾 食 shi4 市 世 士 事 是 势 试 室 shou1 收 shou3 守 首 手 shou4 寿 受 售 shu1 书 舒 疏 枢 shu2 淑 shu3 属 暑 蜀 shu4 树 数 术 shuang1 双 霜 shui3 水 shun4 顺 舜 shuo4 硕
si1 丝 思 司 si4 四 寺 song1 松 song4 宋 送 颂 su1 苏 su4 素 宿 suan4 算 sui4 穗 岁 sun1 孙 suo3 所
ta3 塔 tai2 台 tai4 太 泰 tan2 谭 潭 坛 檀 tan4 探 tang2 唐 堂 塘 糖 tao2 桃 陶 涛 te4 特 teng2 腾 藤 ti2 提 题 tian1 天 tian2 田 甜 tiao2 条 tie3 铁 ting1 厅 ting2 亭 庭 廷 停 tong1 通 tong2 同 童 铜 桐 tou2 头 tu2 图 tu3 土 tuan2 团 tun2 屯
wa1 洼 wai4 外 wan1 湾 弯 wan2 完 wan3 晚 碗 wan4 万 wang2 王 wang3 网 往 wang4 望 旺 wei1 威 wei2 围 维 潍 wei3 伟 尾 wei4 卫 位 魏 wen1 温 wen2 文 闻 wen3 稳 wo4 沃 wu1 乌 屋 wu2 吴 梧 wu3 五 武 舞 wu4 物 务 雾 坞
xi1 西 溪 希 息 熙 锡 xi2 习 席 xi3 喜 洗 xi4 细 xia2 霞 峡 xia4 下 夏 厦 xian1 仙 先 鲜 xian2 贤 闲 xian3 显 险 xian4 县 现 线 宪 献 xiang1 香 乡 湘 相 xiang2 祥 翔 xiang3 想 响 xiang4 向 巷 象 项
xiao1 消 萧 霄 xiao3 小 晓 xiao4 校 孝 笑 xie2 协 谐 xie4 谢 xin1 新 心 欣 鑫 辛 xin4 信 xing1 兴 星 xing2 行 形 邢 xing4 幸 杏 xiong2 雄 熊 xiu1 修 xiu4 秀 岫 绣 xu1 须 xu2 徐 xu4 旭 序 xuan1 宣 轩 xuan2 玄 xue2 学 雪 xun2 寻 循 xun4 训
ya1 鸭 ya2 牙 崖 涯 ya4 亚 雅 yan1 烟 燕 yan2 盐 沿 岩 延 颜 言 严 研 yan4 雁 燕 砚 宴 艳 yang2 阳 杨 扬 洋 羊 yang3 养 yang4 样 yao2 瑶 遥 姚 窑 yao4 药 耀 ye2 爷 ye3 野 ye4 叶 业 夜
yi1 一 医 伊 依 yi2 宜 怡 仪 移 yi3 以 乙 yi4 义 艺 忆 益 谊 毅 意 逸 yin1 音 殷 阴 yin2 银 吟 yin3 引 隐 yin4 印 ying1 英 樱 鹰 莺 ying2 营 迎 盈 赢 ying3 影 颖 yong1 拥 yong3 永 勇 泳 you1 优 悠 you2 油 游 由 邮 you3 友 有 you4 右 又 佑
yu2 鱼 渔 余 于 榆 虞 愉 yu3 宇 雨 羽 禹 语 yu4 玉 育 裕 御 豫 遇 域 郁 yuan1 渊 鸳 yuan2 元 园 原 圆 源 袁 缘 垣 yuan3 远 yuan4 院 苑 愿 yue4 月 越 岳 跃 悦 粤 yun2 云 芸 yun4 运 韵
za2 杂 zai4 在 再 zao3 早 枣 ze2 泽 择 zeng1 增 曾 zhai2 宅 zhai4 寨 zhan3 展 zhan4 站 湛 战 zhang1 张 章 漳 樟 zhang3 长 掌 zhang4 丈 帐 障 zhao1 招 昭 zhao4 照 赵 兆 zhe4 浙 zhen1 珍 真 贞 zhen4 镇 振 阵 zheng4 正 政 郑 zheng1 征 争 zhi1 之 芝 枝 知 织 zhi2 直 植 zhi3 止 址 纸 指 zhi4 志 至 治 智 置
zhong1 中 忠 钟 终 zhong4 众 重 仲 zhou1 州 洲 舟 周 zhu1 珠 朱 诸 株 zhu2 竹 zhu3 主 zhu4 住 注 驻 筑 柱 祝 zhuang1 庄 装 zhuang4 壮 状 zhui1 追 zhun3 准 zhuo2 卓 zi1 资 姿 zi3 子 紫 梓 zi4 自 字 zong1 宗 综 zong3 总 zou3 走 zu2 族 zu3 组 祖 zuan1 钻 zui4 最 zun1 尊 zuo3 左 zuo4 作 座 坐
"""


def _parse(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    syllable = ""
    for token in text.split():
        if token[0].isascii():
            syllable = token
        else:
            for char in token:
                table.setdefault(char, syllable)  # the first reading listed is the place-name reading
    return table


READINGS: dict[str, str] = _parse(_TABLE)
