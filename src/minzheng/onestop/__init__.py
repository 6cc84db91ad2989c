"""全市通办 (one-stop government service, 一网通办): the 事项清单 of every 民政 matter with its 办事指南, the resident
portal (register with 公民身份号码, apply online, track, withdraw, rate), the 综合窗口 (全科受理: materials
checked against the checklist with one 一次性告知, the matter handed to its domain's workflow, 跨县 forwarding
with clocks), 12345/12349 tickets with their 5-working-day clocks, 回访 and 督办, and 好差评."""
