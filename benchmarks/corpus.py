"""A synthetic corpus in the genre of city party dailies, for benchmarks and build tests.

Sentences follow the patterns of real local news (meetings chaired by the
party secretary, leaders listed in protocol order, inspections of projects,
speeches on policy themes); places are real prefecture-level cities and
their counties, officials' names are generated, so nothing here is a real
person.  Pages are written as files of a few articles each.

    python benchmarks/corpus.py --articles 2000 -o /tmp/corpus

>>> pages = list(generate_pages(6, seed=1))
>>> sum(len(p.articles) for p in pages)
6
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# province, city, counties (real divisions)
CITIES = [
    (
        "山西省",
        "长治市",
        ["潞州区", "上党区", "屯留区", "襄垣县", "平顺县", "黎城县", "壶关县", "武乡县", "沁源县"],
    ),
    ("山西省", "晋城市", ["城区", "泽州县", "高平市", "阳城县", "陵川县", "沁水县"]),
    ("江西省", "赣州市", ["章贡区", "于都县", "瑞金市", "兴国县", "宁都县", "信丰县"]),
    ("浙江省", "湖州市", ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县"]),
    ("四川省", "绵阳市", ["涪城区", "游仙区", "江油市", "三台县", "盐亭县"]),
    ("河南省", "洛阳市", ["老城区", "孟津区", "偃师区", "宜阳县", "栾川县", "嵩县"]),
    ("甘肃省", "天水市", ["秦州区", "麦积区", "甘谷县", "武山县", "秦安县"]),
    ("湖南省", "株洲市", ["天元区", "渌口区", "醴陵市", "攸县", "炎陵县"]),
    ("广东省", "梅州市", ["梅江区", "梅县区", "兴宁市", "大埔县", "五华县"]),
    ("黑龙江省", "绥化市", ["北林区", "安达市", "肇东市", "海伦市", "望奎县"]),
]

THEMES = [
    "高质量发展",
    "乡村振兴",
    "新质生产力",
    "生态文明建设",
    "营商环境",
    "安全生产",
    "基层治理",
    "数字经济",
    "城市更新",
    "文旅融合",
    "共同富裕",
    "全面从严治党",
    "耕地保护",
    "民生福祉",
]

INDUSTRIES = ["新能源装备", "智慧物流", "现代农业", "新材料", "数字经济", "文化旅游", "生物医药", "光伏储能"]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"  # noqa: E501
GIVEN = "建国明华海芳志强立新国平志明伟军红卫东晓燕文波爱斌书伟光普郁君宏庆联松思宇振华永刚玉兰德胜春生"

FILLER = [
    "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
    "会议要求，各级各部门要压实工作责任，细化工作措施，确保各项任务落地见效。",
    "要坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。",
    "要统筹发展和安全，守牢安全生产底线，切实保障人民群众生命财产安全。",
    "今年以来，全市上下锚定目标任务，真抓实干、奋勇争先，经济运行持续回升向好。",
    "要以钉钉子精神抓好工作落实，以实干实绩推动各项工作再上新台阶。",
    "各级党组织要充分发挥战斗堡垒作用，广大党员干部要当好先锋模范。",
    "会议还研究了其他事项。",
]


@dataclass
class Place:
    province: str
    city: str
    counties: list[str]
    secretary: str
    mayor: str
    leaders: list[str]
    county_heads: dict[str, tuple[str, str]]  # county -> (secretary, head)


@dataclass
class Page:
    name: str
    date: date
    masthead: str
    articles: list[str]

    def text(self) -> str:
        return "\n\n".join([self.masthead, *self.articles]) + "\n"


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in used:
            used.add(name)
            return name


def cast(rng: random.Random) -> list[Place]:
    """Officials for every city and county (names unique across the corpus)."""
    used: set[str] = set()
    places = []
    for province, city, counties in CITIES:
        heads = {c: (_name(rng, used), _name(rng, used)) for c in counties}
        places.append(
            Place(
                province,
                city,
                counties,
                _name(rng, used),
                _name(rng, used),
                [_name(rng, used) for _ in range(5)],
                heads,
            )
        )
    return places


def _county_head_title(county: str) -> str:
    return "区长" if county.endswith("区") else "市长" if county.endswith("市") else "县长"


def _party_committee(county: str) -> str:
    return f"{county}委"


def article(rng: random.Random, p: Place, day: date) -> str:
    """One article: headline, lead, listed leaders, a speech on a theme, a project visit, filler."""
    county = rng.choice(p.counties)
    c_sec, c_head = p.county_heads[county]
    theme, theme2 = rng.sample(THEMES, 2)
    industry = rng.choice(INDUSTRIES)
    project = f"{county}{industry}产业园项目"
    listed = rng.sample(p.leaders, rng.randint(2, 4))
    city_short = p.city[:-1]
    md = f"{day.month}月{day.day}日"
    kind = rng.randrange(3)
    if kind == 0:
        head = f"## 市委常委会召开会议 研究部署{theme}工作"
        body = [
            f"本报讯 {md}，{p.city}委书记{p.secretary}主持召开市委常委会会议，研究部署{theme}等工作。",
            f"市委副书记、市长{p.mayor}，市领导{'、'.join(listed)}出席会议。",
            f"{p.secretary}强调，要坚定不移推动{theme}，奋力谱写{city_short}高质量发展新篇章。",
        ]
    elif kind == 1:
        head = f"## {p.secretary}在{county}调研时强调 抓项目促发展 推动{theme}"
        body = [
            f"本报讯 {md}，{p.city}委书记{p.secretary}深入{county}调研{theme}和项目建设工作。",
            f"在{project}建设现场，{p.secretary}详细了解项目进展情况。",
            f"{project}落户{county}，总投资{rng.randint(3, 60)}亿元，建成后将进一步壮大{industry}产业集群。",
            f"{p.secretary}指出，要聚焦{theme2}，加快推进重点项目建设，以项目建设的加速度跑出发展的加速度。",
            f"{county}委书记{c_sec}陪同调研。",
        ]
    else:
        head = f"## {county}召开{theme}推进会"
        reporter = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        body = [
            f"本报讯（记者 {reporter}）{md}，{county}召开{theme}推进会。",
            f"{county}委书记{c_sec}出席会议并讲话，{county}委副书记、{_county_head_title(county)}{c_head}主持会议。",
            f"{c_sec}要求，要把{theme}摆在突出位置，以{theme2}为抓手，推动各项工作提质增效。",
            f"市委常委、副市长{rng.choice(p.leaders)}出席会议。",
        ]
    body += rng.sample(FILLER, rng.randint(2, 4))
    return head + "\n\n" + "\n\n".join(body)


def generate_pages(articles: int, seed: int = 7, per_page: int = 4) -> Iterator[Page]:
    """Pages of up to ``per_page`` articles, ``articles`` in all, deterministic for a seed."""
    rng = random.Random(seed)
    places = cast(rng)
    day = date(2024, 1, 2)
    n, page_no = 0, 0
    while n < articles:
        k = min(per_page, articles - n)
        city = rng.choice(places)
        texts = [article(rng, city, day) for _ in range(k)]
        name = f"{day:%Y%m%d}_{page_no:05d}.txt"
        yield Page(name, day, f"# {city.city[:-1]}日报 {day.year}年{day.month}月{day.day}日", texts)
        n += k
        page_no += 1
        if page_no % 3 == 0:
            day += timedelta(days=1)


def write_corpus(out_dir: str | Path, articles: int, seed: int = 7) -> list[Path]:
    """Write the pages as UTF-8 files; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in generate_pages(articles, seed):
        path = out / page.name
        path.write_text(page.text(), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--out", required=True)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.articles, args.seed)
    print(f"{len(paths)} pages, {args.articles} articles in {args.out}")


if __name__ == "__main__":
    main()
