"""A deterministic corpus of synthetic articles about the Machine Learning Engineer role.

The benchmark needs thousands of articles that look like the web: 10-30 KB pages with site chrome
(nav, sidebar, cookie banner, scripts, footer), plain-text and markdown articles, and the kinds of
figures mlefacts extracts (salaries in several currencies and scales, market sizes with CAGR and
periods, job demand, percentage breakdowns, rankings, skills and responsibilities lists, with
attributions to invented firms). Article `i` depends only on `(seed, i)`, so a corpus of 1,000 is
the first 1,000 articles of a corpus of 10,000 and the same seed always writes the same bytes.

    python bench/generate.py --n 1000 --out bench/out/corpus-1000 --seed 0
"""

from __future__ import annotations

import argparse
import datetime
import html
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HTML_TEMPLATES = ("news", "blog", "listicle", "report")
TEXT_TEMPLATES = ("text", "markdown")
MANIFEST_NAME = "sources.toml"
HTML_BYTES = (11_000, 29_000)
TEXT_BYTES = (6_000, 22_000)

# ---------------------------------------------------------------------------------------------
# Vocabulary of the synthetic articles (benchmark data, not extraction rules).

_SYLLABLES_HEAD = (
    "Ar",
    "Bel",
    "Cor",
    "Dra",
    "El",
    "Fen",
    "Gal",
    "Hal",
    "Ist",
    "Jor",
    "Kel",
    "Lum",
    "Mar",
    "Nor",
    "Or",
    "Pel",
    "Quin",
    "Ros",
    "Sel",
    "Tor",
    "Ul",
    "Ver",
    "Wyn",
    "Zan",
    "Bri",
    "Cal",
)
_SYLLABLES_MID = ("a", "e", "i", "o", "en", "ar", "is", "or", "", "", "u", "an")
_SYLLABLES_TAIL = (
    "dex",
    "tra",
    "vi",
    "lon",
    "mark",
    "sight",
    "via",
    "ton",
    "gen",
    "ly",
    "nia",
    "ro",
    "quest",
    "field",
    "more",
    "stat",
)
_FIRM_SUFFIXES = (
    "Research",
    "Insights",
    "Analytics",
    "Market Research",
    "Intelligence",
    "Consulting",
    "Partners",
    "Data",
    "Labs",
    "Group",
    "Advisory",
)
_PUBLISHER_FORMS = (
    "{} Tech Journal",
    "The {} Blog",
    "{} Careers",
    "{} Weekly",
    "{} Learning Hub",
    "{} Times",
    "{} Digital",
    "{}Hub",
)

_SALARY_PLACES = {
    "USD": ("the United States", "the US", "San Francisco", "New York", "Seattle"),
    "INR": ("India", "Bengaluru", "Hyderabad", "Pune", "Mumbai"),
    "GBP": ("the UK", "London", "Manchester", "the United Kingdom"),
    "EUR": ("Germany", "the Netherlands", "France", "Berlin", "Amsterdam"),
}
_ROLE_NAMES = (
    "machine learning engineer",
    "ML engineer",
    "machine learning engineers",
    "ML engineers",
)
_MARKETS = (
    "machine learning market",
    "ML market",
    "MLOps market",
    "machine learning platforms market",
    "AI and machine learning market",
    "machine learning as a service market",
)
_MARKET_SCOPES = ("global", "worldwide", "world", "North American", "Asia Pacific", "European")

_SKILLS = (
    ("Python", "python", "Python 3"),
    ("PyTorch", "Pytorch", "pytorch"),
    ("TensorFlow", "Tensorflow", "tensor flow"),
    ("scikit-learn", "Scikit Learn", "sklearn"),
    ("SQL", "sql"),
    ("Docker", "docker containers"),
    ("Kubernetes", "K8s", "kubernetes"),
    ("Apache Spark", "Spark", "PySpark"),
    ("MLOps", "ML Ops", "MLOPS"),
    ("Natural Language Processing (NLP)", "NLP", "natural language processing"),
    ("computer vision", "Computer Vision (CV)"),
    ("deep learning", "Deep-Learning", "Deep Learning"),
    ("statistics", "probability and statistics", "Statistics"),
    ("linear algebra", "Linear Algebra"),
    ("Git", "git", "version control (Git)"),
    ("CI/CD", "continuous integration"),
    ("Apache Airflow", "Airflow"),
    ("MLflow", "mlflow"),
    ("Java", "java"),
    ("C++", "c++"),
    ("AWS", "Amazon Web Services (AWS)", "AWS SageMaker"),
    ("Google Cloud", "GCP"),
    ("Hugging Face Transformers", "Hugging Face"),
    ("feature engineering", "Feature Engineering"),
    ("data structures and algorithms", "DSA"),
)
_SKILL_FORMS = (
    "{}",
    "{}",
    "Proficiency in {}",
    "Strong knowledge of {}",
    "Hands-on experience with {}",
    "{}: used daily for modelling work",
    "Working knowledge of {}",
)
_SKILL_HEADINGS = (
    "Skills required for a machine learning engineer",
    "Key skills for ML engineers",
    "Technical skills you will need",
    "Must-have skills",
    "Skills employers look for",
    "Essential ML engineer skills",
)
_RESPONSIBILITIES = (
    "Design, build and deploy machine learning models to production",
    "Build and maintain data pipelines for training and inference",
    "Monitor model performance and retrain models when the data drifts",
    "Collaborate with data scientists to turn prototypes into production services",
    "Run experiments and A/B tests to evaluate new models",
    "Optimize models for latency, memory and serving cost",
    "Write clean, tested and documented code",
    "Set up CI/CD and automated testing for machine learning systems",
    "Research and implement state-of-the-art algorithms",
    "Communicate results and trade-offs to stakeholders",
    "Prepare, clean and label training datasets",
    "Package models as APIs and integrate them with product teams",
    "Manage feature stores and experiment tracking",
    "Review the code of other engineers and mentor junior colleagues",
)
_RESPONSIBILITY_HEADINGS = (
    "Responsibilities of a machine learning engineer",
    "What does an ML engineer do?",
    "Key duties",
    "Roles and responsibilities",
    "Day-to-day responsibilities",
    "What the job involves",
)
_BREAKDOWNS = (
    (
        "industry",
        "Industry",
        (
            "Information Technology",
            "Finance",
            "Healthcare",
            "Retail",
            "Manufacturing",
            "Telecommunications",
            "Automotive",
            "Education",
        ),
    ),
    (
        "region",
        "Region",
        (
            "North America",
            "Europe",
            "Asia Pacific",
            "Latin America",
            "Middle East and Africa",
        ),
    ),
    (
        "experience level",
        "Experience Level",
        (
            "Entry level",
            "Mid level",
            "Senior level",
            "Lead",
            "Principal",
        ),
    ),
    (
        "education",
        "Education Level",
        (
            "Bachelor's degree",
            "Master's degree",
            "Ph.D.",
            "Bootcamp or self-taught",
        ),
    ),
    ("work arrangement", "Work Arrangement", ("Remote", "Hybrid", "On-site")),
    (
        "company size",
        "Company Size",
        (
            "Startups",
            "Mid-size companies",
            "Large enterprises",
            "Government and non-profits",
        ),
    ),
    ("gender", "Gender", ("Male", "Female", "Non-binary or other")),
)
_FILLER_OPENERS = (
    "In practice,",
    "For most teams,",
    "Day to day,",
    "Over time,",
    "In larger organizations,",
    "At smaller companies,",
    "In many cases,",
    "Beyond the basics,",
    "",
    "",
    "",
)
_FILLER_SUBJECTS = (
    "machine learning engineers",
    "ML engineers",
    "the engineering team",
    "practitioners",
    "hiring managers",
    "data platform teams",
    "new graduates",
    "experienced engineers",
    "product teams",
)
_FILLER_VERBS = (
    "spend much of their time on",
    "care deeply about",
    "regularly revisit",
    "tend to prioritize",
    "work closely on",
    "invest in",
    "keep an eye on",
    "talk a lot about",
    "often underestimate",
)
_FILLER_OBJECTS = (
    "feature pipelines",
    "model monitoring",
    "evaluation datasets",
    "deployment tooling",
    "experiment tracking",
    "data quality checks",
    "latency budgets",
    "retraining schedules",
    "reproducible training runs",
    "documentation",
    "code review",
    "on-call rotations",
    "labelling guidelines",
    "offline metrics",
    "the cost of inference",
)
_FILLER_TAILS = (
    "so that models keep working after launch.",
    "because production data drifts.",
    "which keeps the feedback loop short.",
    "to make results reproducible.",
    "long before a model reaches users.",
    "and that habit pays off later.",
    "as the system grows.",
    "when deadlines get tight.",
    "rather than chasing leaderboards.",
)
_FILLER_STANDALONE = (
    "The role sits between research and software engineering.",
    "Good engineering habits matter as much as modelling skill.",
    "A model that cannot be deployed is only an experiment.",
    "Teams differ widely in how they split the work.",
    "The tooling changes quickly, but the fundamentals stay the same.",
    "Most of the effort goes into data rather than algorithms.",
    "Clear ownership of models in production avoids many incidents.",
)
_SIDEBAR_HEADLINES = (
    "{n} ways to speed up your laptop",
    "Stock market jumps {p}% after earnings week",
    "The {n} best budget phones of the year",
    "Why remote work is here to stay",
    "Crypto prices slide {p}% overnight",
    "How to negotiate your next raise",
    "{n} productivity apps we tested",
    "Cloud costs rise {p}% for small businesses",
)
_NAV = ("Home", "News", "Careers", "AI", "Data", "Cloud", "Reviews", "Newsletter", "About")


# ---------------------------------------------------------------------------------------------
# The article model: sections of blocks, rendered by one of six templates.


@dataclass(slots=True)
class Table:
    """A small table: caption, header row and body rows of cell text."""

    caption: str
    header: list[str]
    rows: list[list[str]]


Block = tuple[str, str | list[str] | Table]  # ("p", text) | ("ul"/"ol", items) | ("table", t)


@dataclass(slots=True)
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    title: str
    publisher: str
    published: datetime.date
    template: str
    sections: list[Section]


def firm_name(rng: random.Random) -> str:
    """An invented research firm from syllables: 'Belarmark Insights'."""
    name = rng.choice(_SYLLABLES_HEAD) + rng.choice(_SYLLABLES_MID) + rng.choice(_SYLLABLES_TAIL)
    return f"{name} {rng.choice(_FIRM_SUFFIXES)}"


def publisher_name(rng: random.Random) -> str:
    """An invented site name: 'The Torvia Blog'."""
    name = rng.choice(_SYLLABLES_HEAD) + rng.choice(_SYLLABLES_TAIL)
    return rng.choice(_PUBLISHER_FORMS).format(name)


def indian_grouping(amount: int) -> str:
    """Digits grouped the Indian way.

    >>> indian_grouping(1450000), indian_grouping(980000), indian_grouping(950)
    ('14,50,000', '9,80,000', '950')
    """
    digits = str(amount)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    groups.insert(0, head)
    return ",".join(groups) + "," + tail


def money_forms(currency: str, amount: int) -> tuple[str, ...]:
    """The written forms of a pay amount in `currency` (whole units), one per house style.

    >>> money_forms("INR", 1450000)[:2]
    ('₹14.5 lakh', '₹ 14.5 lakhs')
    """
    if currency == "INR":
        lakh = f"{amount / 100_000:.1f}".removesuffix(".0")
        grouped = indian_grouping(amount)
        return (
            f"₹{lakh} lakh",
            f"₹ {lakh} lakhs",
            f"INR {lakh} lakh",
            f"₹{grouped}",
            f"Rs. {grouped}",
            f"{lakh} LPA",
        )
    symbol = {"USD": "$", "GBP": "£", "EUR": "€"}[currency]
    thousands = amount // 1000
    prefixed = f"US${amount:,}" if currency == "USD" else f"{symbol} {amount:,}"
    return (
        f"{symbol}{amount:,}",
        f"{currency} {amount:,}",
        f"{symbol}{thousands}k",
        f"{symbol}{thousands}K",
        prefixed,
        f"{symbol}{amount:,}",
    )


def money(rng: random.Random, currency: str, amount: int, *, form: int | None = None) -> str:
    """One written form of a pay amount: `form` fixes the house style (e.g. within a table)."""
    forms = money_forms(currency, amount)
    return forms[rng.randrange(len(forms)) if form is None else form % len(forms)]


def money_range(rng: random.Random, currency: str, low: int, high: int) -> tuple[str, str]:
    """Both ends of a pay range in the same house style ('12-20 LPA' keeps one unit)."""
    form = rng.randrange(6)
    low_text, high_text = (
        money(rng, currency, low, form=form),
        money(rng, currency, high, form=form),
    )
    return low_text.removesuffix(" LPA"), high_text


def _pay_period(rng: random.Random, written: str) -> str:
    if written.endswith("LPA"):
        return ""
    return " " + rng.choice(("per annum", "a year", "per year", "annually", "p.a."))


def _salary_level(rng: random.Random, currency: str) -> tuple[int, int]:
    """A plausible (low, high) annual pay range in whole currency units."""
    base = {
        "USD": (95_000, 175_000),
        "INR": (600_000, 2_400_000),
        "GBP": (45_000, 95_000),
        "EUR": (50_000, 100_000),
    }[currency]
    step = 50_000 if currency == "INR" else 1_000
    low = rng.randrange(base[0], base[1], step)
    return low, low + step * rng.randint(5, 30)


def salary_sentence(rng: random.Random, firm: str, year: int) -> str:
    """A pay statement: a single amount or a range, with place, period and often a source."""
    currency = rng.choice(("USD", "USD", "INR", "INR", "GBP", "EUR"))
    place = rng.choice(_SALARY_PLACES[currency])
    role = rng.choice(_ROLE_NAMES[:2])
    a_role = ("an " if role.startswith("ML") else "a ") + role
    low, high = _salary_level(rng, currency)
    one = money(rng, currency, low)
    lo, hi = money_range(rng, currency, low, high)
    level = rng.choice(("entry-level", "mid-level", "senior", "experienced", "junior"))
    forms = (
        f"The average salary of {a_role} in {place} is {one}{_pay_period(rng, one)}, "
        f"according to {firm}.",
        f"{firm} reports that {level} ML engineers in {place} earn {one}{_pay_period(rng, one)}.",
        f"Senior machine learning engineers in {place} typically earn between {lo} and "
        f"{hi}{_pay_period(rng, hi)}.",
        f"According to {firm}'s {year} salary survey, the median base pay for an ML engineer in "
        f"{place} is {one}{_pay_period(rng, one)}.",
        f"In {place}, the salary range for {a_role} is {lo} - {hi}{_pay_period(rng, hi)}.",
        f"Freshers joining as machine learning engineers in {place} can expect a starting salary "
        f"of around {one}{_pay_period(rng, one)}.",
        f"A {level} {role} earns {one}{_pay_period(rng, one)} on average in {place}, {firm} says.",
    )
    return rng.choice(forms)


def _billions(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def market_sentence(rng: random.Random, firm: str, year: int) -> str:
    """A market size with a forecast, a CAGR and its period, in one of several phrasings."""
    start_year = year - rng.randint(1, 2)
    end_year = start_year + rng.randint(5, 9)
    cagr = rng.uniform(14, 42)
    size = rng.uniform(1.5, 40)
    target = size * (1 + cagr / 100) ** (end_year - start_year)
    cagr_text = f"{cagr:.1f}%"
    scope = rng.choice(_MARKET_SCOPES)
    market = rng.choice(_MARKETS)
    unit = rng.choice(("USD {} billion", "USD {} bn", "US$ {} billion", "${} billion", "$ {}B"))
    now, later = unit.format(_billions(size)), unit.format(_billions(target))
    forms = (
        f"The {scope} {market} was valued at {now} in {start_year} and is expected to reach "
        f"{later} by {end_year}, growing at a CAGR of {cagr_text} from {start_year + 1} to "
        f"{end_year}, according to {firm}.",
        f"{firm} estimates the {scope} {market} at {now} in {start_year} and projects a compound "
        f"annual growth rate (CAGR) of {cagr_text} over {start_year + 1}-{end_year}.",
        f"According to {firm}, the {scope} {market} size is projected to grow from {now} in "
        f"{start_year} to {later} by {end_year}, at a CAGR of {cagr_text} during the forecast "
        f"period.",
        f"The {scope} {market} is expected to hit {later} by {end_year}, {firm} reports, "
        f"registering a CAGR of {cagr_text}.",
        f"{firm} puts the {scope} {market} at {now} in {start_year}; it is forecast to expand at "
        f"a {cagr_text} CAGR between {start_year + 1} and {end_year}.",
    )
    return rng.choice(forms)


def demand_sentence(rng: random.Random, firm: str, year: int) -> str:
    """A job-demand growth figure or a count of openings."""
    pct = rng.randint(9, 95)
    count = rng.randrange(1_500, 95_000, 100)
    place = rng.choice(("the United States", "India", "the UK", "Europe", "Canada"))
    forms = (
        f"Demand for machine learning engineers grew {pct}% year-over-year in {year}, "
        f"{firm} reports.",
        f"Job postings for ML engineers increased by {pct}% between {year - 2} and {year}, "
        f"according to {firm}.",
        f"{firm} found that hiring for machine learning roles rose {pct}% annually over the "
        f"past four years.",
        f"There were more than {count:,} open machine learning engineer positions in {place} "
        f"in {year}, according to {firm}.",
        f"{firm} counted over {count:,} job openings for ML engineers in {place} last year.",
    )
    return rng.choice(forms)


def ranking_sentence(rng: random.Random, firm: str, year: int) -> str:
    """A ranking of the role on some list."""
    rank = rng.randint(1, 15)
    ordinal = _ordinal(rank)
    place = rng.choice(("the US", "India", "the UK", "Canada", "Australia"))
    forms = (
        f"Machine learning engineer ranked No. {rank} on {firm}'s {year} list of the best jobs "
        f"in {place}.",
        f"{firm} ranks machine learning engineer #{rank} among emerging jobs in {place}.",
        f"ML engineering is the {ordinal} fastest-growing job title in {place}, per {firm}.",
    )
    return rng.choice(forms)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def breakdown(rng: random.Random) -> tuple[str, str, list[tuple[str, int]], bool]:
    """A percentage breakdown: (dimension, header, [(category, pct)], partial top-N?)."""
    dimension, header, categories = rng.choice(_BREAKDOWNS)
    partial = rng.random() < 0.35
    k = rng.randint(2, min(4, len(categories))) if partial else rng.randint(3, len(categories))
    chosen = rng.sample(categories, k)
    weights = [rng.randint(5, 40) for _ in chosen]
    total = 100 if not partial else rng.randint(45, 85)
    values = [max(1, round(w * total / sum(weights))) for w in weights]
    if not partial:
        values[0] += 100 - sum(values)
    rows = sorted(zip(chosen, values, strict=True), key=lambda row: -row[1])
    return dimension, header, rows, partial


def filler_paragraph(rng: random.Random) -> str:
    """Three to six sentences of plausible prose with no figures in it."""
    sentences = []
    for _ in range(rng.randint(3, 6)):
        if rng.random() < 0.2:
            sentences.append(rng.choice(_FILLER_STANDALONE))
            continue
        opener = rng.choice(_FILLER_OPENERS)
        subject = rng.choice(_FILLER_SUBJECTS)
        body = (
            f"{subject} {rng.choice(_FILLER_VERBS)} {rng.choice(_FILLER_OBJECTS)} "
            f"{rng.choice(_FILLER_TAILS)}"
        )
        sentences.append(f"{opener} {body}" if opener else body[0].upper() + body[1:])
    return " ".join(sentences)


def skills_items(rng: random.Random) -> list[str]:
    """Six to ten skills, each in one of its spellings and phrasings."""
    chosen = rng.sample(_SKILLS, rng.randint(6, 10))
    return [rng.choice(_SKILL_FORMS).format(rng.choice(spellings)) for spellings in chosen]


def responsibility_items(rng: random.Random) -> list[str]:
    return rng.sample(_RESPONSIBILITIES, rng.randint(4, 8))


def salary_table(rng: random.Random, firm: str) -> Table:
    """Pay by experience level, in one currency."""
    currency = rng.choice(("USD", "INR", "GBP", "EUR"))
    low, _ = _salary_level(rng, currency)
    step = 1.0
    form = rng.randrange(6)
    rows = []
    for level in ("Entry Level", "Mid-Level", "Senior Level"):
        amount = int(low * step) // 1000 * 1000
        rows.append([level, money(rng, currency, amount, form=form)])
        step += rng.uniform(0.3, 0.6)
    where = rng.choice(_SALARY_PLACES[currency])
    return Table(
        caption=f"Average salary of machine learning engineers in {where} ({firm})",
        header=["Experience Level", rng.choice(("Average Annual Salary", "Median Salary"))],
        rows=rows,
    )


def share_table(rng: random.Random) -> tuple[Table, bool]:
    dimension, header, rows, partial = breakdown(rng)
    noun = rng.choice(("Machine Learning Engineers", "Job Postings", "Respondents"))
    caption = (
        f"Top {len(rows)} {dimension} categories for ML engineers"
        if partial
        else f"Machine learning engineers by {dimension}"
    )
    return (
        Table(
            caption=caption,
            header=[header, f"Percentage of {noun}"],
            rows=[[name, f"{value}%"] for name, value in rows],
        ),
        partial,
    )


def share_sentence(rng: random.Random, firm: str) -> str:
    """A breakdown written as prose: '45% work in X, 30% in Y and 25% in Z'."""
    dimension, _, rows, partial = breakdown(rng)
    parts = [f"{value}% {name.lower()}" for name, value in rows]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}"
    lead = "The top categories were" if partial else "The split was"
    return f"{firm} surveyed ML engineers by {dimension}. {lead} {listed}."


# ---------------------------------------------------------------------------------------------
# Article content


def build_article(index: int, *, seed: int, text_fraction: float) -> Article:
    """Article `index` of the corpus seeded `seed`: independent of how many articles follow."""
    rng = random.Random(f"mlefacts-bench:{seed}:{index}")
    if rng.random() < text_fraction:
        template = rng.choice(TEXT_TEMPLATES)
    else:
        template = rng.choice(HTML_TEMPLATES)
    published = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2_370))
    year = published.year
    firms = [firm_name(rng) for _ in range(3)]
    role = rng.choice(("Machine Learning Engineer", "ML Engineer"))
    titles = {
        "news": f"{role} salaries and demand: what the {year} numbers say",
        "blog": f"How to become {'an' if role.startswith('ML') else 'a'} {role} in {year}",
        "listicle": f"Top {rng.randint(7, 12)} skills every {role} needs in {year}",
        "report": f"{role} market report {year}: pay, demand and growth",
        "text": f"The {role} role explained",
        "markdown": f"A practical guide to the {role} career",
    }
    sections = [
        Section(
            "Introduction",
            [
                ("p", filler_paragraph(rng)),
                ("p", f"{salary_sentence(rng, firms[0], year)} {filler_paragraph(rng)}"),
            ],
        ),
        Section(
            "Market outlook",
            [
                ("p", f"{market_sentence(rng, firms[1], year)} {filler_paragraph(rng)}"),
                (
                    "p",
                    demand_sentence(rng, firms[2], year)
                    + " "
                    + ranking_sentence(rng, firms[0], year),
                ),
            ],
        ),
        Section(
            rng.choice(_RESPONSIBILITY_HEADINGS),
            [
                ("p", "The core responsibilities include:"),
                ("ul", responsibility_items(rng)),
                ("p", filler_paragraph(rng)),
            ],
        ),
        Section(
            rng.choice(_SKILL_HEADINGS),
            [
                ("p", "Employers usually ask for the following skills:"),
                ("ol" if template == "listicle" else "ul", skills_items(rng)),
            ],
        ),
        Section(
            "Salary by experience",
            [
                ("table", salary_table(rng, firms[0])),
                (
                    "p",
                    salary_sentence(rng, firms[2], year)
                    + " "
                    + demand_sentence(rng, firms[1], year),
                ),
            ],
        ),
        Section(
            "Who employs ML engineers",
            [
                ("table", share_table(rng)[0]),
                ("p", share_sentence(rng, firms[1])),
            ],
        ),
    ]
    middle = sections[1:5]
    rng.shuffle(middle)
    sections[1:5] = middle
    return Article(
        title=titles[template],
        publisher=publisher_name(rng),
        published=published,
        template=template,
        sections=sections,
    )


def pad_article(article: Article, rng: random.Random, *, missing: int) -> None:
    """Append filler paragraphs across sections until about `missing` more characters exist."""
    added = 0
    while added < missing:
        paragraph = filler_paragraph(rng)
        rng.choice(article.sections).blocks.append(("p", paragraph))
        added += len(paragraph.encode("utf-8")) + 12


# ---------------------------------------------------------------------------------------------
# Renderers


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _html_blocks(section: Section, level: int) -> list[str]:
    out = [f"<h{level}>{_e(section.heading)}</h{level}>"]
    for kind, payload in section.blocks:
        if kind == "p":
            assert isinstance(payload, str)
            out.append(f"<p>{_e(payload)}</p>")
        elif kind in ("ul", "ol"):
            assert isinstance(payload, list)
            items = "\n".join(f"  <li>{_e(item)}</li>" for item in payload)
            out.append(f"<{kind}>\n{items}\n</{kind}>")
        else:
            assert isinstance(payload, Table)
            out.append(_html_table(payload))
    return out


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{_e(cell)}</th>" for cell in table.header)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return (
        f'<table class="data">\n<caption>{_e(table.caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


_CSS = """
body{font-family:Georgia,serif;margin:0;color:#222}.site-header{background:#0b2545;color:#fff}
.nav a{color:#fff;padding:0 12px;text-decoration:none}.cookie-banner{position:fixed;bottom:0}
.sidebar{float:right;width:280px;font-size:14px}.article-body p{line-height:1.6}
table.data{border-collapse:collapse}table.data td,table.data th{border:1px solid #ccc;padding:4px}
.footer{background:#eee;padding:24px;font-size:12px}.share-buttons a{margin-right:8px}
@media (max-width:700px){.sidebar{display:none}.nav a{padding:0 6px}}
"""

_JS = """
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
gtag('js',new Date());gtag('config','G-%s',{anonymize_ip:true});
(function(){var b=document.querySelector('.cookie-banner');if(!b)return;
document.querySelectorAll('.cookie-banner button').forEach(function(x){x.addEventListener(
'click',function(){b.style.display='none';localStorage.setItem('consent',x.dataset.v);});});})();
"""


def _chrome_head(article: Article, rng: random.Random) -> str:
    token = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(article.title)} | {_e(article.publisher)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="description" content="{html.escape(article.title)}">\n'
        f'<meta property="og:site_name" content="{html.escape(article.publisher)}">\n'
        f"<style>{_CSS}</style>\n"
        f'<script type="application/ld+json">{{"@type":"Article","headline":'
        f'"{html.escape(article.title)}","datePublished":"{article.published.isoformat()}"}}'
        "</script>\n"
        f"<script>{_JS % token}</script>\n</head>\n"
    )


def _nav() -> str:
    links = "".join(f'<li><a href="/{name.lower()}/">{name}</a></li>' for name in _NAV)
    return (
        '<header class="site-header"><div class="logo"><a href="/">Home</a></div>'
        f'<nav class="nav"><ul>{links}</ul></nav></header>\n'
    )


def _cookie_banner() -> str:
    return (
        '<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience '
        "and to measure traffic. By continuing to use this site you agree to our cookie policy."
        '</p><button data-v="all">Accept all</button><button data-v="none">Reject</button></div>\n'
    )


def _headline(rng: random.Random) -> str:
    """An off-topic teaser with figures of its own: boilerplate that must not become claims."""
    return rng.choice(_SIDEBAR_HEADLINES).format(n=rng.randint(3, 12), p=rng.randint(2, 30))


def _sidebar(rng: random.Random) -> str:
    items = "".join(
        f'<li><a href="/story/{rng.randrange(10_000, 99_999)}">{_e(_headline(rng))}</a></li>'
        for _ in range(6)
    )
    return (
        '<aside class="sidebar"><h3>Trending</h3>'
        f"<ul>{items}</ul><h3>Newsletter</h3><p>Subscribe to our newsletter for weekly updates."
        '</p><form><input type="email" placeholder="Email"><button>Sign up</button></form>'
        "</aside>\n"
    )


def _footer(article: Article, rng: random.Random) -> str:
    columns = "".join(
        f"<div><h4>{title}</h4><ul>"
        + "".join(f'<li><a href="/{link.lower()}">{link}</a></li>' for link in links)
        + "</ul></div>"
        for title, links in (
            ("Company", ("About", "Careers", "Press", "Contact")),
            ("Legal", ("Privacy", "Terms", "Cookies")),
            ("Follow", ("Twitter", "LinkedIn", "YouTube", "RSS")),
        )
    )
    return (
        f'<footer class="footer">{columns}<p>© {article.published.year} '
        f"{_e(article.publisher)}. All rights reserved.</p>"
        f'<script src="/static/app.{rng.randrange(1 << 32):08x}.js" defer></script></footer>\n'
    )


def _byline(article: Article, rng: random.Random) -> str:
    author = rng.choice(_SYLLABLES_HEAD) + rng.choice(_SYLLABLES_TAIL)
    return (
        f'<p class="byline">By {author} Smith · '
        f'<time datetime="{article.published.isoformat()}">'
        f"{article.published.strftime('%B %d, %Y')}</time></p>\n"
    )


def render_html(article: Article, rng: random.Random) -> str:
    """The article as a full web page in its template's layout, chrome included."""
    body: list[str] = [f"<h1>{_e(article.title)}</h1>", _byline(article, rng)]
    for section in article.sections:
        body.extend(_html_blocks(section, 2))
    main = "\n".join(body)
    share = (
        '<div class="share-buttons"><span>Share this article</span><a href="#">Twitter</a>'
        '<a href="#">LinkedIn</a><a href="#">Email</a></div>\n'
    )
    related = (
        '<section class="related"><h3>Related articles</h3><ul>'
        + "".join(
            f'<li><a href="/p/{rng.randrange(1000, 9999)}">{_e(_headline(rng))}</a></li>'
            for _ in range(3)
        )
        + "</ul></section>\n"
    )
    parts = [_chrome_head(article, rng), "<body>\n", _cookie_banner(), _nav()]
    if article.template == "news":
        parts += [
            '<div class="container">',
            _sidebar(rng),
            f'<main><article class="article-body">\n{main}\n</article>',
            share,
            related,
            "</main></div>\n",
        ]
    elif article.template == "blog":
        parts += [
            '<div class="breadcrumbs"><a href="/">Home</a> › <a href="/blog/">Blog</a></div>',
            f'<article class="post">\n{main}\n</article>\n',
            share,
            '<section class="comments"><h3>3 comments</h3><p>Great overview, thanks!</p>'
            "<p>Leave a reply</p></section>\n",
            _sidebar(rng),
        ]
    elif article.template == "listicle":
        parts += [f'<div class="content"><article>\n{main}\n</article></div>\n', related]
    else:
        parts += [f'<main class="report">\n{main}\n</main>\n', share, _sidebar(rng)]
    parts += [_footer(article, rng), "</body>\n</html>\n"]
    return "".join(parts)


def _text_table(table: Table, rng: random.Random) -> str:
    """A plain-text table under its caption line: single spaces or aligned columns."""
    lines = [table.caption, ""]
    rows = [table.header, *table.rows]
    if rng.random() < 0.5:
        lines += [" ".join(row) for row in rows]
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]
        lines += [
            "   ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
        ]
    return "\n".join(lines)


def _markdown_table(table: Table) -> str:
    lines = [
        f"**{table.caption}**",
        "",
        "| " + " | ".join(table.header) + " |",
        "|" + "|".join("---" for _ in table.header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table.rows]
    return "\n".join(lines)


def render_text(article: Article, rng: random.Random) -> str:
    """A plain-text article: title, blank-line separated blocks, bullets and text tables."""
    out = [article.title, "", f"Published {article.published.isoformat()} by {article.publisher}"]
    for section in article.sections:
        out += ["", section.heading, ""]
        for kind, payload in section.blocks:
            if kind == "p":
                out += [str(payload), ""]
            elif kind in ("ul", "ol"):
                assert isinstance(payload, list)
                out += [
                    (f"{n}. " if kind == "ol" else "  • ") + item
                    for n, item in enumerate(payload, start=1)
                ]
                out.append("")
            else:
                assert isinstance(payload, Table)
                out += [_text_table(payload, rng), ""]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(article: Article) -> str:
    """A markdown article with ATX headings, lists and pipe tables."""
    out = [f"# {article.title}", "", f"*{article.publisher}, {article.published.isoformat()}*"]
    for section in article.sections:
        out += ["", f"## {section.heading}", ""]
        for kind, payload in section.blocks:
            if kind == "p":
                out += [str(payload), ""]
            elif kind in ("ul", "ol"):
                assert isinstance(payload, list)
                out += [
                    (f"{n}. " if kind == "ol" else "- ") + item
                    for n, item in enumerate(payload, start=1)
                ]
                out.append("")
            else:
                assert isinstance(payload, Table)
                out += [_markdown_table(payload), ""]
    return "\n".join(out).rstrip() + "\n"


_RENDERERS: dict[str, tuple[str, Callable[[Article, random.Random], str]]] = {
    **{name: ("html", render_html) for name in HTML_TEMPLATES},
    "text": ("txt", render_text),
    "markdown": ("md", lambda article, _rng: render_markdown(article)),
}


def render_article(index: int, *, seed: int, text_fraction: float) -> tuple[Article, str, str]:
    """(article, file extension, file text) of article `index`, padded to its target size."""
    article = build_article(index, seed=seed, text_fraction=text_fraction)
    rng = random.Random(f"mlefacts-bench-render:{seed}:{index}")
    extension, render = _RENDERERS[article.template]
    low, high = HTML_BYTES if extension == "html" else TEXT_BYTES
    target = rng.randint(low, high)
    layout_seed = rng.random()
    text = render(article, random.Random(layout_seed))
    pad_article(article, rng, missing=target - len(text.encode("utf-8")))
    return article, extension, render(article, random.Random(layout_seed))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def generate_corpus(out_dir: Path, n: int, *, seed: int = 0, text_fraction: float = 0.2) -> Path:
    """Write `n` articles under `out_dir/articles/` and a `sources.toml`; return its path."""
    articles = out_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    entries: list[str] = [
        f"# {n} synthetic articles written by bench/generate.py (seed {seed}, "
        f"text_fraction {text_fraction}).\n"
    ]
    for index in range(n):
        article, extension, text = render_article(index, seed=seed, text_fraction=text_fraction)
        name = f"articles/a{index:06d}.{extension}"
        (out_dir / name).write_bytes(text.encode("utf-8"))
        entries.append(
            "\n[[source]]\n"
            f"uri = {_toml_string(name)}\n"
            f"title = {_toml_string(article.title)}\n"
            f"publisher = {_toml_string(article.publisher)}\n"
            f"published = {article.published.isoformat()}\n"
        )
    manifest = out_dir / MANIFEST_NAME
    manifest.write_bytes("".join(entries).encode("utf-8"))
    return manifest


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--out", type=Path, default=None, help="default: bench/out/corpus-N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--text-fraction", type=float, default=0.2, help="share of plain-text and markdown articles"
    )
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent / "out" / f"corpus-{args.n}"
    manifest = generate_corpus(out, args.n, seed=args.seed, text_fraction=args.text_fraction)
    print(manifest)


if __name__ == "__main__":
    main()
