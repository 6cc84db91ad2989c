"""The 寻亲 matcher (Primero's tracing pattern): properties that must hold whatever the records."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from minzheng.rescue.rules.matching import Profile, Weights, feature_tokens, name_similarity, rank, score

NAMES = ["王德福", "王德富", "张秀英", "章秀英", "李建国", "刘桂兰", "赵淑珍", "陈志强", "孙玉梅", "周"]
CODES = ["210602002001", "210602002002", "210602003001", "210603001001", "220102001001", ""]
FEATURES = ["左眉有痣", "跛行", "口音东北", "戴眼镜", "右手缺指", "白发", "驼背"]


@st.composite
def profiles(draw, key=None):
    low = draw(st.one_of(st.none(), st.integers(0, 100)))
    return Profile(
        key=key or draw(st.text(alphabet="abcdef", min_size=1, max_size=6)),
        name=draw(st.sampled_from([*NAMES, ""])),
        sex=draw(st.sampled_from(["male", "female", ""])),
        age_low=low,
        age_high=None if low is None else low + draw(st.integers(0, 10)),
        place_code=draw(st.sampled_from(CODES)),
        place_text=draw(st.sampled_from(["", "元宝区", "丹东市元宝区七道街道"])),
        features=frozenset(draw(st.lists(st.sampled_from(FEATURES), max_size=4))),
    )


def copy_of(p: Profile, key: str) -> Profile:
    return Profile(key, p.name, p.sex, p.age_low, p.age_high, p.place_code, p.place_text, p.features)


@given(profiles("q"), st.lists(profiles(), max_size=8))
def test_an_exact_record_always_ranks_first(query, others):
    """Whatever else is in the 易走失 library, a registration identical to the client scores highest and is at
    the top (ties only with records agreeing on every compared field)."""
    exact = copy_of(query, "exact")
    ranked = rank(query, [*others, exact])
    assert ranked[0].score == score(query, exact).score
    assert all(score(query, exact).score >= m.score for m in ranked)


@given(profiles("a"), profiles("b"))
def test_scores_are_symmetric(a, b):
    """Comparing a report with a client or the client with the report gives the same score."""
    assert score(a, b).score == score(b, a).score


@given(profiles("a"), profiles("b"))
def test_scores_lie_between_zero_and_one(a, b):
    assert 0.0 <= score(a, b).score <= 1.0


@given(profiles("a"), profiles("b"), st.booleans())
def test_a_known_different_sex_is_never_proposed(a, b, flip):
    """A report of a woman is never proposed for a man, however alike the rest."""
    sexes = ("female", "male") if flip else ("male", "female")
    a, b = replace(a, sex=sexes[0]), replace(b, sex=sexes[1])
    assert score(a, b).score == 0.0


def test_homophone_names_score_above_different_names():
    """同音字 (张/章): the police's record and the family's spelling often differ by a character."""
    assert name_similarity("张秀英", "章秀英") == 0.85
    assert name_similarity("张秀英", "张秀英") == 1.0
    assert name_similarity("张秀英", "李建国") < 0.85


def test_the_weights_come_from_the_caller():
    a = Profile("a", "王德福", "male", 70, 75, "210602002001")
    b = Profile("b", "王德福", "male", 90, 90, "210602002001")
    only_age = Weights(name=0, sex=0, age=1, place=0, features=0)
    assert score(a, b, only_age).score == 0.0  # a 15-year gap
    assert score(a, b).score > 0.5


def test_features_compare_as_tokens():
    assert feature_tokens("左眉有痣，跛行、 白发") == {"左眉有痣", "跛行", "白发"}
