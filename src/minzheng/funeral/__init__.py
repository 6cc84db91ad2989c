"""殡葬管理 (funeral): death intake from the 居民死亡医学证明 (files from 卫健/公安 or entered at the 殡仪馆, 无名尸体
with police documents) turned into dated registry changes (死亡) every domain consumes; funeral-home operations
(服务清单 with government prices, 服务订单, 账单) with 惠民殡葬 waivers of the 基本殡葬服务 as dated per-division rules."""
