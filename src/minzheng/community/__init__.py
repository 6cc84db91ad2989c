"""基层治理 (grassroots self-government): 村民委员会 and 居民委员会 with their members, 村民小组 and 村务监督委员会;
换届 elections with their clocks; 村民会议/村民代表会议 with quorum and Art 24 decisions; 村务公开 and 民主评议;
community service centres, 社区工作者 and grids with their events (主动发现 into 社会救助)."""
