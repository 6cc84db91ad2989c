"""儿童福利与未成年人保护: the child register (儿童档案) on the shared person registry — category flags with
validity dates and evidence (孤儿, 事实无人抚养儿童, 困境儿童, 农村留守儿童, 流浪儿童), parents' situations,
委托照护 with the weekly-contact log — and the 孤儿基本生活费 / 事实无人抚养儿童基本生活补贴 recognition."""
