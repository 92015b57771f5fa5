"""Rankings stated in prose."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, prose_rankings, ranked_lists
from mlefacts.toml_files import load_data

REPO = Path(__file__).resolve().parents[1]


def _claims(text: str):
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    return doc, prose_rankings.extract(doc)


def test_top_spot_and_ordinal_ranks_with_their_report() -> None:
    doc, claims = _claims(
        "According to the 2024 Glassbridge Jobs Report, Machine Learning Engineer took the top "
        "spot among the best jobs.\n\nData scientists ranked No. 3 on the same list.\n\n"
        "AI researchers came in fifth place in 2023.\n"
    )
    found = [(c.subject, c.value, c.year) for c in claims]
    assert found == [
        ("machine learning engineer", 1.0, 2024),
        ("data scientist", 3.0, None),
        ("artificial intelligence researcher", 5.0, 2023),
    ]
    assert claims[0].attributed_to and "Glassbridge" in claims[0].attributed_to
    for claim in claims:
        assert doc.text[claim.char_start : claim.char_end].strip()
        assert claim.unit == "rank"


def test_a_role_named_only_after_the_phrase_is_not_the_ranked_item() -> None:
    _, claims = _claims("Python tops the list of languages that machine learning engineers use.")
    assert [(c.subject, c.value) for c in claims] == [("python", 1.0)]


def test_a_superlative_of_another_subject_in_a_joined_clause_ranks_no_role() -> None:
    """'..., and 3 interview rounds was the most common': the clause's own subject is what is
    most common; 'and it is the most sought-after' still ranks the role it refers to."""
    _, other = _claims(
        "Filling an ML engineer role took 52 days on average, and 3 interview rounds was the "
        "most common process."
    )
    assert other == []
    _, same = _claims("Demand for ML engineers rose 23%, and it is the most sought-after AI role.")
    assert [(c.subject, c.value) for c in same] == [("machine learning engineer", 1.0)]
    _, referred = _claims(
        "We looked at machine learning engineer openings, and the position remains the "
        "fastest-growing job in the US."
    )
    assert [(c.subject, c.value) for c in referred] == [("machine learning engineer", 1.0)]


def test_inverted_phrases_and_followers_take_the_next_ranks() -> None:
    _, claims = _claims(
        "Topping the list is machine learning engineer, followed by data scientist and AI "
        "engineer.\n\nAt No. 5 is the cloud security analyst.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 1.0),
        ("data scientist", 2.0),
        ("artificial intelligence engineer", 3.0),
        ("cloud security analyst", 5.0),
    ]


def test_a_rank_alone_at_the_start_of_a_section_ranks_its_heading() -> None:
    doc = build_document(
        source_id="t",
        text="# Jobs on the rise\n\n## Energy auditor\n\nRank: #2. Hires came from trades.\n",
        media_type="text/markdown",
    )
    claims = prose_rankings.extract(doc)
    assert [(c.subject, c.value) for c in claims] == [("energy auditor", 2.0)]


def test_no_rank_phrase_no_claim() -> None:
    _, claims = _claims("Machine learning engineers rank models by validation loss.")
    assert claims == []


def test_the_spun_bundled_article_ranks_the_role_first_twice() -> None:
    path = next((REPO / "raw" / "bundled").glob("000_*.txt"))
    doc, claims = _claims(path.read_text(encoding="utf-8"))
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 1.0),
        ("machine learning engineer", 1.0),
    ]
    assert {c.year for c in claims} == {2019, 2017}


def test_each_rank_phrase_of_a_sentence_ranks_the_role_just_before_it() -> None:
    _, claims = _claims(
        "Data scientist comes in at No. 3, followed by machine learning engineer at No. 4."
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data scientist", 3.0),
        ("machine learning engineer", 4.0),
    ]


def test_placing_verbs_with_ordinal_words_and_superlatives_state_ranks() -> None:
    _, claims = _claims(
        "Machine learning engineer ranks fourth among the fastest-growing titles.\n\n"
        "Data engineer was the second most advertised job title in 2025.\n\n"
        "AI engineer is the most in-demand role this year.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 4.0),
        ("data engineer", 2.0),
        ("artificial intelligence engineer", 1.0),
    ]


def test_one_of_the_most_is_not_a_rank() -> None:
    _, claims = _claims("Machine learning engineer is one of the most in-demand roles.")
    assert claims == []


def test_a_former_rank_is_skipped_and_other_job_titles_can_be_ranked() -> None:
    _, claims = _claims(
        "Data engineer moves up from No. 6 to No. 2, while cloud security analyst comes in "
        "at No. 3."
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data engineer", 2.0),
        ("cloud security analyst", 3.0),
    ]


def test_practices_are_not_ranked_but_technologies_are() -> None:
    _, claims = _claims(
        "Data science is the most common background.\n\nPyTorch is the most popular framework.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("pytorch", 1.0)]


def test_real_page_rank_phrasings() -> None:
    """Forms seen on news and careers pages: an ordinal before 'on its ... list', 'at the top
    of its ...', 'rank as the', 'was named the', 'at number seven', 'the 3rd best'."""
    _, claims = _claims(
        "Hirewell placed machine learning engineer fifth on its 2024 Rising Roles list.\n\n"
        "The board lists data scientist at the top of its annual best jobs list.\n\n"
        "AI engineers rank as the fastest-growing job overall.\n\n"
        "Again, data engineer was named the most in-demand role.\n\n"
        "Business analyst came in at number seven.\n\n"
        "Cloud architect is the 3rd best job in the country.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 5.0),
        ("data scientist", 1.0),
        ("artificial intelligence engineer", 1.0),
        ("data engineer", 1.0),
        ("business analyst", 7.0),
        ("cloud architect", 3.0),
    ]


def test_the_owner_of_the_list_is_the_ranks_source_and_the_item_never_is() -> None:
    _, claims = _claims(
        "Data engineer ranked third on Hirewell's list of the best jobs for 2025.\n\n"
        "Rust ranked fifth in the Stackline index this month.\n\n"
        "Data engineer came fourth on America's list of fastest-growing careers.\n"
    )
    assert [(c.subject, c.value, c.attributed_to) for c in claims] == [
        ("data engineer", 3.0, "Hirewell"),
        ("rust", 5.0, None),  # not 'Rust': the item ranked does not rank itself
        ("data engineer", 4.0, None),  # a place's list names no publisher
    ]
    assert claims[0].qualifiers["list"] == "Hirewell"


def test_who_names_or_tops_a_list_is_the_source_of_its_first_place() -> None:
    _, claims = _claims(
        "Hirewell named data engineer the fastest-growing job in Canada in 2024.\n\n"
        "Platform engineer topped Stackline's Jobs on the Rise list for 2025.\n\n"
        "Analytics engineer was the top emerging job in Hirewell's 2023 report.\n\n"
        "Developers named Rust the most loved language in 2025.\n"
    )
    assert [(c.subject, c.value, c.attributed_to) for c in claims] == [
        ("data engineer", 1.0, "Hirewell"),
        ("platform engineer", 1.0, "Stackline"),
        ("analytics engineer", 1.0, "Hirewell"),
        ("rust", 1.0, None),  # who voted is no publisher
    ]


def test_the_top_of_that_list_and_a_top_hiring_location_are_first_places() -> None:
    _, claims = _claims(
        "Data engineer has climbed to the top of that list.\n\n"
        "Toronto is the top hiring location for data engineers.\n\n"
        "Toronto is one of the top hiring locations for data engineers.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("data engineer", 1.0), ("toronto", 1.0)]


def test_an_item_named_after_its_superlative_keeps_its_rank_beside_a_later_rank() -> None:
    _, claims = _claims(
        "The most used orchestrator was Airflow, chosen by 58% of teams; second place went to "
        "Dagster at 21%.\n"
    )
    assert sorted((c.subject, c.value) for c in claims) == [("airflow", 1.0), ("dagster", 2.0)]


def test_an_ordinal_after_the_item_a_first_is_ahead_of_is_its_rank() -> None:
    _, claims = _claims(
        "The most used library was LightGBM, ahead of XGBoost in second and CatBoost in third.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("lightgbm", 1.0),
        ("xgboost", 2.0),  # was left out: only a placing verb or 'with' opened a trailing rank
        ("catboost", 3.0),
    ]


def test_the_top_jobs_of_a_count_or_among_others_are_no_first_place() -> None:
    _, claims = _claims(
        "Data engineer is one of the top emerging jobs in 2025.\n\n"
        "Data engineer is among the top ten jobs of 2025.\n"
    )
    assert claims == []


def test_an_ordinal_is_no_rank_without_a_list_or_place() -> None:
    _, claims = _claims(
        "For the third year in a row, data engineer hiring grew.\n\n"
        "Machine learning engineer ranks among the top five roles.\n\n"
        "Data scientist pay is second in the world.\n"
    )
    assert claims == []


def test_the_item_named_after_a_superlative_or_a_list_label_is_ranked() -> None:
    _, claims = _claims(
        "According to the study, the fastest-growing job of this year is robotics engineer.\n\n"
        "No. 1 on the list: Site Reliability Engineer, a role that keeps systems running.\n\n"
        "For data scientists, the most common background is statistics.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("robotics engineer", 1.0),
        ("site reliability engineer", 1.0),
    ]


def test_the_top_n_were_ranks_the_items_listed_when_there_are_n() -> None:
    _, claims = _claims(
        "The top three were prompt engineer, security analyst and cloud architect.\n\n"
        "The top five were data engineer and data scientist.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("prompt engineer", 1.0),
        ("security analyst", 2.0),
        ("cloud architect", 3.0),
    ]


def test_an_item_named_before_its_superlative_and_ordinals_past_ten() -> None:
    _, claims = _claims(
        "The survey named data scientist the most in-demand role.\n\n"
        "Computer vision engineer holds the eleventh spot.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data scientist", 1.0),
        ("computer vision engineer", 11.0),
    ]


def test_plural_items_and_ordinal_superlatives_without_the_are_ranked() -> None:
    _, claims = _claims(
        "Surveys say machine learning engineers are the most sought-after position.\n\n"
        "Cloud computing is the 2nd most sought skill among recruiters.\n\n"
        "Data engineers are one of the most sought-after roles.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 1.0),
        ("cloud computing", 2.0),
    ]


def test_the_largest_group_of_a_workforce_is_its_first_place() -> None:
    _, claims = _claims(
        "Data engineers were the largest group in 2024, at 31% of data professionals.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("data engineer", 1.0)]


def _ranked(text: str) -> list[tuple[str, float | None]]:
    """The (subject, rank) pairs of `text` read as the body of a page under a title line."""
    return [(c.subject, c.value) for c in _claims(f"Rankings\n\n{text} Nothing else moved.\n")[1]]


def test_a_rank_written_before_its_item_ranks_that_item() -> None:
    assert _ranked("Runner-up C++ narrowed the gap. No. 3 Java kept its place.") == [
        ("c++", 2.0),
        ("java", 3.0),
    ]


def test_moves_modifiers_and_holding_verbs_state_ranks() -> None:
    text = (
        "Go slipped two places to 11th. Java placed a distant fourth. C holds second, Kotlin "
        "retakes third. Rust climbed to No. 9, up from 14th. TensorFlow is a clear second. "
        "Python tops the Stackline developer rankings."
    )
    assert _ranked(text) == [
        ("go", 11.0),
        ("java", 4.0),
        ("c", 2.0),
        ("kotlin", 3.0),
        ("rust", 9.0),
        ("tensorflow", 2.0),
        ("python", 1.0),
    ]


def test_no_rank_from_counts_moves_to_numbers_or_nouns_after_a_holding_verb() -> None:
    text = (
        "Pay rose to 12 percent above the median. The team took first steps toward Rust. "
        "Scikit-learn was ranked in the top five for a decade. Python was used most by the "
        "team. For the fourth year running, SQL grew. Data scientist lost the top spot it "
        "had held since 2023. Java was knocked off the top spot."
    )
    assert _ranked(text) == []


def test_the_item_before_a_displacing_verb_takes_the_rank() -> None:
    assert _ranked("PyTorch overtook TensorFlow for the top spot in March.") == [("pytorch", 1.0)]
    assert _ranked("Scala edged out Julia for third place.") == [("scala", 3.0)]


def test_items_that_close_or_make_up_a_top_n() -> None:
    assert _ranked("C and C# round out the top five.") == [("c", 4.0), ("c#", 5.0)]
    assert _ranked("Python, SQL and Bash made up the top three.") == [
        ("python", 1.0),
        ("sql", 2.0),
        ("bash", 3.0),
    ]
    assert _ranked("Python and SQL were the top three skills of the year.") == []


def test_followers_after_figures_in_brackets_take_the_next_ranks() -> None:
    text = "Python was the most requested skill (72% of ads), followed by SQL (51%) and Java (33%)."
    assert _ranked(text) == [("python", 1.0), ("sql", 2.0), ("java", 3.0)]


def test_a_sentence_opening_name_takes_a_rank_its_verb_places() -> None:
    assert _ranked("Healthcare came in second for the first time.") == [("healthcare", 2.0)]
    assert _ranked("It came in second for the first time.") == []


def test_a_countdown_list_ranks_each_item_by_its_number() -> None:
    doc = build_document(
        source_id="t",
        text="# The 4 best jobs, counted down\n\n4. Actuary\n3. Statistician\n2. Data Scientist\n"
        "1. AI Engineer\n\n## Steps\n\n3. Apply\n2. Wait\n",
        media_type="text/markdown",
    )
    assert [(c.subject, c.value) for c in prose_rankings.extract(doc)] == [
        ("actuary", 4.0),
        ("statistician", 3.0),
        ("data scientist", 2.0),
        ("artificial intelligence engineer", 1.0),
    ]


def test_lists_under_group_labels_take_the_lead_in_above_the_groups() -> None:
    doc = build_document(
        source_id="t",
        text="# Hubs\n\nTop two cities in each region:\n\n**Europe**\n\n1. Berlin\n2. Lisbon\n\n"
        "**Asia**\n\n1. Singapore\n2. Seoul\n\n## Checklist\n\n**Before you move**\n\n"
        "1. Compare rents\n2. Ask about visas\n",
        media_type="text/markdown",
    )
    assert [(c.subject, c.value) for c in prose_rankings.extract(doc)] == [
        ("berlin", 1.0),
        ("lisbon", 2.0),
        ("singapore", 1.0),
        ("seoul", 2.0),
    ]


def test_lines_of_one_paragraph_that_each_name_a_rank_are_a_ranked_list() -> None:
    doc = build_document(
        source_id="t",
        text="Hiring report\n\nTop hiring cities\n\n1st: Bengaluru\n2nd: London\n\n"
        "Most in-demand libraries\n\nRank 1 — PyTorch\nRank 2 — pandas\n\n"
        "How we counted\n\n1st: pull the ads\nthen remove reposts\n",
        media_type="text/plain",
    )
    assert [(c.text, c.value) for c in prose_rankings.extract(doc)] == [
        ("Bengaluru", 1.0),
        ("London", 2.0),
        ("PyTorch", 1.0),
        ("pandas", 2.0),
    ]


def test_an_item_name_ends_with_its_first_sentence_and_a_higher_heading_ends_a_run() -> None:
    doc = build_document(
        source_id="t",
        text="# Jobs\n\n## Top 2 AI jobs\n\n### 1) ML Engineer\n\nBuilds models.\n\n"
        "### 2) Data Scientist\n\nAnalyses data.\n\n## Fastest-growing roles\n\n"
        "Number 1: Prompt Engineer. Grew fast.\n\nNumber 2: St. Louis Analyst. Also fast.\n",
        media_type="text/markdown",
    )
    assert [(c.text, c.value) for c in prose_rankings.extract(doc)] == [
        ("ML Engineer", 1.0),
        ("Data Scientist", 2.0),
        ("Prompt Engineer", 1.0),
        ("St. Louis Analyst", 2.0),
    ]


def test_an_ordinal_right_after_an_item_a_placing_verb_or_with_names() -> None:
    text = (
        "Data engineer came a close fourth, while the list placed MLOps engineer seventh. "
        "Scikit-learn was rated the most popular library, with pandas second. The team put in "
        "second shifts."
    )
    assert _ranked(text) == [
        ("data engineer", 4.0),
        ("machine learning operations engineer", 7.0),
        ("scikit-learn", 1.0),
        ("pandas", 2.0),
    ]


def test_followers_after_semicolons_and_then_and_items_listed_as_the_top_n() -> None:
    text = (
        "Physician assistant was number one; followed by software developer ($107,510; "
        "Bachelor's); then nurse practitioner ($110,700). The survey places Python, Java, "
        "Rust and C++ as the top four languages."
    )
    assert _ranked(text) == [
        ("physician assistant", 1.0),
        ("software developer", 2.0),
        ("nurse practitioner", 3.0),
        ("python", 1.0),
        ("java", 2.0),
        ("rust", 3.0),
        ("c++", 4.0),
    ]


def test_lines_read_as_a_headerless_table_of_ranks_and_names_are_a_ranked_list() -> None:
    doc = build_document(
        source_id="t",
        text="# Languages\n\nThe most popular languages this year:\n\n"
        "1 - Python\n2 - C#\n3 - Java\n\n## Best-paying cities\n\n"
        "#1 San Jose\n#2 Los Angeles\n\n## Prices\n\n1 - $20\n2 - $30\n",
        media_type="text/markdown",
    )
    claims = sorted(prose_rankings.extract(doc), key=lambda c: c.char_start)
    assert [(c.subject, c.value) for c in claims] == [
        ("python", 1.0),
        ("c#", 2.0),
        ("java", 3.0),
        ("san jose", 1.0),
        ("los angeles", 2.0),
    ]


def test_a_bulleted_list_ranks_only_when_its_frame_says_it_is_in_rank_order() -> None:
    doc = build_document(
        source_id="t",
        text="# Skills\n\n## Skills, in order of demand\n\n- Python\n- SQL\n  - often with dbt\n"
        "- Docker\n\n## Top tools\n\n- Airflow\n- MLflow\n\n## Ranked by mentions\n\n"
        "Listed in no particular order:\n\n- Terraform\n- Spark\n",
        media_type="text/markdown",
    )
    assert [(c.subject, c.value) for c in prose_rankings.extract(doc)] == [
        ("python", 1.0),
        ("sql", 2.0),
        ("docker", 3.0),
    ]


def test_a_sentence_that_goes_on_with_the_ranking_before_it_and_elliptic_ranks() -> None:
    _, claims = _claims(
        "AI engineer topped the list in 2026. It was followed by AI consultant and data "
        "annotator.\n\nKubeflow came second and Airflow third; Python ranked first, SQL second.\n\n"
        "It was followed by a long debate.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("artificial intelligence engineer", 1.0),
        ("kubeflow", 2.0),
        ("python", 1.0),
        ("airflow", 3.0),
        ("sql", 2.0),
        ("artificial intelligence consultant", 2.0),
        ("data annotator", 3.0),
    ]


def test_a_list_led_by_an_item_a_place_noun_before_the_item_and_number_words() -> None:
    _, claims = _claims(
        "The list is led by AI engineer, with prompt engineer in second place.\n\n"
        "The runner-up spot there went to SQL once more.\n\n"
        "Next up, at No. 7, is data engineer.\n\n"
        "JavaScript slipped into the number six spot, and Python stays at the top of the index.\n\n"
        "Seattle came third, and New York rose to fourth.\n\n"
        "Hiring for data scientists is led by banks.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("artificial intelligence engineer", 1.0),
        ("prompt engineer", 2.0),
        ("sql", 2.0),
        ("data engineer", 7.0),
        ("javascript", 6.0),
        ("python", 1.0),
        ("seattle", 3.0),
        ("new york", 4.0),
    ]


def test_a_figure_with_a_thousands_comma_does_not_end_an_item_name() -> None:
    assert ranked_lists.item_name("Roughly 1,900 companies in India build AI products.") is None
    assert ranked_lists.item_name("Menlo Park, Calif.") == "Menlo Park"


def test_a_rank_the_item_had_an_aside_before_the_item_and_items_that_close_a_top_n() -> None:
    _, claims = _claims(
        "Data scientist took the number seven position last year, but it reached the top spot "
        "this year.\n\nTopping the list, for the third year in a row, was machine learning "
        "engineer.\n\nRounding out the top five were, in order, data engineer and prompt "
        "engineer.\n\nFour of the top five were tech jobs, including DevOps engineer (#2).\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data scientist", 1.0),
        ("machine learning engineer", 1.0),
        ("data engineer", 4.0),
        ("prompt engineer", 5.0),
        ("devops engineer", 2.0),
    ]


def test_named_best_jobs_cited_superlatives_and_overtaking_as_the_most_popular() -> None:
    _, claims = _claims(
        "Robotics engineer is the best job in Canada for the second year in a row.\n\n"
        "After weighing pay and openings, data engineer ranked as the best job overall.\n\n"
        "Rust was the most-cited language in a survey of 4,000 coders, followed by Kotlin.\n\n"
        "Julia overtook Scala as the most popular language on the forum.\n\n"
        "Platform engineer is the top-ranked role on the list.\n\n"
        "Python is the best language for beginners, many teachers say.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("robotics engineer", 1.0),
        ("data engineer", 1.0),
        ("rust", 1.0),
        ("kotlin", 2.0),
        ("julia", 1.0),
        ("platform engineer", 1.0),
    ]


def test_titles_outside_tech_a_placing_verb_and_a_count_of_people_name_no_item() -> None:
    _, claims = _claims(
        "Solar installer, privacy counsel and customer success manager were the top three.\n\n"
        "Jobtrail placed prompt engineer seventh on its 2025 list.\n\n"
        "The data steward ranks at No. 8 on the list.\n\n"
        "TypeScript has gained 1.9 million developers and now ranks second.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("solar installer", 1.0),
        ("privacy counsel", 2.0),
        ("customer success manager", 3.0),
        ("prompt engineer", 7.0),
        ("data steward", 8.0),
        ("typescript", 2.0),
    ]


def test_a_numbered_list_ranks_under_a_superlative_or_with_rank_markers_alone() -> None:
    def ranked(text: str) -> list[tuple[str, float]]:
        doc = build_document(source_id="t", text=text, media_type="text/markdown")
        return [(c.subject, c.value) for c in ranked_lists.ranked_list_claims(doc, name="t")]

    items = "1. Austin - $149,000\n2. Denver - $141,000\n3. Raleigh - $137,000\n"
    for frame in (
        "## Where AI engineers are paid the most",
        "## Cities with the highest pay",
        "## Biggest gains in postings",
        "## Skills that appear most often in job ads",
        "## Cities sorted by median pay",
    ):
        assert ranked(f"{frame}\n\n{items}") == [("austin", 1), ("denver", 2), ("raleigh", 3)]
    assert ranked("## Our picks\n\n### #1 Python\n\nFirst.\n\n### #2 SQL\n\nSecond.\n") == [
        ("python", 1),
        ("sql", 2),
    ]
    assert ranked("## Picks\n\n### Rank #1: JAX\n\nFirst.\n\n### Rank #2: Keras\n\nNext.\n") == [
        ("jax", 1),
        ("keras", 2),
    ]
    assert ranked("## Where to start\n\n" + items) == []
    assert ranked("## The most common mistakes\n\n" + items) == []
    assert ranked("## Steps to the highest pay\n\n### #1 Learn\n\nA.\n\n### #2 Ship\n\nB.\n") == []


def test_counted_lists_of_unknown_names_crowns_former_ranks_and_displacing_clauses() -> None:
    _, claims = _claims(
        "The top 4 databases according to the poll include Postgres, Redis, SQLite, and "
        "MongoDB (listed in descending order). They are followed by Neo4j and DuckDB.\n\n"
        "The three most loved editors, in descending order, include: Helix, Zed and Vim.\n\n"
        "The three most loved shells were Bash, Zsh and Fish, a reader poll found.\n\n"
        "Kotlin, which previously held the second spot in the rankings, has slipped to fourth "
        "place.\n\nJulia is now the fastest-growing language of the year, edging past Scala to "
        "become the second most loved language.\n\nRust retains its crown for the sixth year, "
        "with 84.1 per cent of developers.\n\nJava is the third most widely used language among "
        "the people we asked.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("postgresql", 1.0),
        ("redis", 2.0),
        ("sqlite", 3.0),
        ("mongodb", 4.0),
        ("helix", 1.0),
        ("zed", 2.0),
        ("vim", 3.0),
        ("kotlin", 4.0),
        ("julia", 1.0),
        ("julia", 2.0),
        ("rust", 1.0),
        ("java", 3.0),
        ("neo4j", 5.0),
        ("duckdb", 6.0),
    ]


def test_a_past_rank_opening_its_clause_and_a_participle_after_a_comma() -> None:
    _, claims = _claims(
        "Last year, data scientist placed No. 2 on the list; this year it came in at No. 9.\n\n"
        "DuckDB is now the fastest-growing data store in the poll, edging past Neo4j to become "
        "the second most loved analytics engine.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data scientist", 9.0),
        ("duckdb", 1.0),
        ("duckdb", 2.0),
    ]


def test_a_figure_under_a_ranked_place_is_not_about_the_place() -> None:
    text = (
        "# The metros where ML engineers are paid the most\n\n## 2. Seattle, Washington\n\n"
        "Average base salary: $172,300\n\n## 1. San Jose, California\n\n"
        "Average base salary: $187,400\n\n# Top roles\n\n1. Data Labeling Lead - pay $88,200\n"
        "2. Prompt Engineer - pay $91,000\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    assert ranked_lists.ranked_subject(doc, text.index("$172,300")) is None
    assert ranked_lists.ranked_subject(doc, text.index("$88,200")) == "data labeling lead"


def test_places_ties_a_colon_after_the_top_n_and_followers_of_an_inverted_superlative() -> None:
    _, claims = _claims(
        "The highest-paying city for ML engineers is San Jose, followed by Austin and Denver.\n\n"
        "Toronto tops the list of the best cities for new graduates, with Montreal in third.\n\n"
        "Data scientists in Seattle ranked third among the roles we studied this year.\n\n"
        "Asia Pacific is the fastest-growing region of the machine learning market.\n\n"
        "Kotlin and Swift share 9th place in the index this month, level on points.\n\n"
        "The list's top three: AI engineer, data scientist and MLOps engineer, as before.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("san jose", 1.0),
        ("austin", 2.0),
        ("denver", 3.0),
        ("toronto", 1.0),
        ("montreal", 3.0),
        ("data scientist", 3.0),
        ("kotlin", 9.0),
        ("swift", 9.0),
        ("artificial intelligence engineer", 1.0),
        ("data scientist", 2.0),
        ("machine learning operations engineer", 3.0),
    ]


def test_a_counted_list_of_titles_with_and_inside_and_followers_past_a_dash_aside() -> None:
    _, claims = _claims(
        "Robotics engineer ranks fourth among the fastest-growing job titles. (The top three "
        "were wind technician, diversity and inclusion manager, and growth marketer lead.)\n\n"
        "Data scientist was ranked No. 1 on the list in 2024 and 2025. It was followed by devops "
        "engineers ($110,000 a year) — a role that spans development and operations — data "
        "engineers ($106,000 a year) and tax managers ($110,000 a year).\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("robotics engineer", 4.0),
        ("wind technician", 1.0),
        ("diversity and inclusion manager", 2.0),
        ("growth marketer lead", 3.0),
        ("data scientist", 1.0),
        ("devops engineer", 2.0),
        ("data engineer", 3.0),
        ("tax manager", 4.0),
    ]


def test_an_ordinal_in_brackets_right_after_an_item() -> None:
    _, claims = _claims(
        "Python (1st), SQL (2nd) and Java (3rd place) led the languages named in the job ads.\n\n"
        "Our reading list starts with Deep Learning with Python (2nd edition) and two blogs.\n"
    )
    assert sorted((c.value, c.subject) for c in claims) == [
        (1.0, "python"),
        (2.0, "sql"),
        (3.0, "java"),
    ]


def test_a_counted_list_split_by_semicolons_with_abbreviations_and_the_item_as_written() -> None:
    _, claims = _claims(
        "The top 3 AI skills on freelancer profiles were: Large Language Model (LLM); Object "
        "Detection; and LLM tuning.\n\n"
        "The top three reasons people quit were pay, hours and bad managers, the poll found.\n"
    )
    assert [(c.text, c.value) for c in claims] == [
        ("Large Language Model (LLM)", 1.0),
        ("Object Detection", 2.0),
        ("LLM tuning", 3.0),
    ]


def test_ordinals_after_items_following_a_placed_item_and_items_that_took_the_top_n() -> None:
    _, claims = _claims(
        "Asked where they deploy models, respondents put AWS first, Azure second and GCP third.\n\n"
        "Python, SQL and Rust took the top three places among languages, in that order.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("aws", 1.0),
        ("azure", 2.0),
        ("gcp", 3.0),
        ("python", 1.0),
        ("sql", 2.0),
        ("rust", 3.0),
    ]


def _html_rankings(page: str) -> list[tuple[str, float, str]]:
    doc = build_document(source_id="t", text=page, media_type="text/html")
    return [
        (c.subject, c.value, c.qualifiers.get("list"))
        for c in prose_rankings.extract(doc)
        if c.kind == "ranking"
    ]


def test_a_rank_set_alone_above_the_name_it_ranks_is_read_as_one_item() -> None:
    page = (
        "<h1>Cities ranked by ML pay</h1><p>Ranked by median base salary.</p>"
        "<div><span>No. 1</span><h3>Oslo</h3></div><div><span>No. 2</span><h3>Zurich</h3></div>"
        "<div><span>No. 3</span><h3>Dublin</h3></div>"
        "<h2>Most improved</h2><p>Ranked by the rise in offers.</p>"
        "<div><span>01</span><h3>Lisbon</h3><p>Offers rose fastest here.</p></div>"
        "<div><span>02</span><h3>Porto</h3><p>A close second.</p></div>"
    )
    assert _html_rankings(page) == [
        ("oslo", 1.0, "Cities ranked by ML pay"),
        ("zurich", 2.0, "Cities ranked by ML pay"),
        ("dublin", 3.0, "Cities ranked by ML pay"),
        ("lisbon", 1.0, "Most improved"),
        ("porto", 2.0, "Most improved"),
    ]


def test_two_lists_under_one_heading_keep_their_own_ranks() -> None:
    _, claims = _claims(
        "Top frameworks in ML job ads\n\nPosted 2 May 2026 by the data desk\n\n"
        "Rank 1 - PyTorch\nRank 2 - TensorFlow\n\nLanguages, ranked the same way:\n\n"
        "#1: Python\n#2: SQL\n"
    )
    lists: dict[str, list[float]] = {}
    for claim in claims:
        lists.setdefault(claim.qualifiers["list"], []).append(claim.value or 0.0)
    assert lists == {
        "Top frameworks in ML job ads": [1.0, 2.0],
        "Languages, ranked the same way": [1.0, 2.0],
    }


def test_a_sentence_summing_up_the_ranked_table_above_it_adds_no_ranks() -> None:
    _, claims = _claims(
        "Most in-demand languages\n\nRank Language\n1 Python\n2 R\n3 Java\n\n"
        "Python takes the lead as the most in-demand language, followed by R and Java.\n"
    )
    assert claims == []


def test_a_heading_number_set_in_its_own_element_ranks_the_heading() -> None:
    items = "".join(
        f"<h3><span class='n'>{n}</span>{name}</h3><p>Hired fast.</p>"
        for n, name in ((1, "AI Engineer"), (2, "Data Scientist"), (3, "3D Artist"))
    )
    page = f"<h1>The best-paid AI jobs, ranked</h1>{items}"
    assert [(s, v) for s, v, _ in _html_rankings(page)] == [
        ("artificial intelligence engineer", 1.0),
        ("data scientist", 2.0),
    ]


def test_the_year_of_an_aside_about_the_item_dates_no_rank() -> None:
    _, claims = _claims(
        "The fastest-growing job of this year is prompt engineer, which was barely a title in "
        "2023.\n\nData engineer ranked third in the 2025 survey.\n"
    )
    assert [(c.subject, c.value, c.year) for c in claims] == [
        ("prompt engineer", 1.0, None),
        ("data engineer", 3.0, 2025),
    ]


def test_a_rank_of_the_job_a_sentence_refers_to_is_that_roles() -> None:
    """'ranked it 5th', 'the profession', 'the role': the role named last before it in its
    paragraph, else the page's; only where the sentence speaks of jobs."""
    _, claims = _claims(
        "# Data engineer career guide\n\n"
        "Hiring managers keep asking for data engineers. A jobs site ranked it 5th among the "
        "best careers of the year.\n\n"
        "A recruiting firm ranked the profession number three in its review of tech jobs.\n\n"
        "Python is everywhere; it came first among languages in a developer poll.\n"
    )
    found = [(c.subject, c.value) for c in claims]
    assert ("data engineer", 5.0) in found and ("data engineer", 3.0) in found
    assert ("data engineer", 1.0) not in found  # 'it' is Python there: no jobs spoken of


def test_an_item_before_a_turn_to_another_name_is_not_ranked() -> None:
    _, claims = _claims("Ohio leads with 12% of the openings, but Vermont is now the #2 state.")
    assert [c.subject for c in claims if c.value == 2.0] == ["vermont"]  # never Ohio


def test_ranks_survey_round_ups_state_in_plain_verbs() -> None:
    _, claims = _claims(
        "Austin is the top city for landing a machine learning job, according to Hireloop.\n\n"
        "JavaScript came second at 58%, and SQL was third at 52%.\n\n"
        "Among frameworks, PyTorch was number one. Keras was number five.\n\n"
        "Python was the clear leader among languages in AI postings.\n"
    )
    found = [(c.subject, c.value) for c in claims]
    assert found == [
        ("austin", 1.0),
        ("javascript", 2.0),
        ("sql", 3.0),
        ("pytorch", 1.0),
        ("keras", 5.0),
        ("python", 1.0),
    ]


def test_places_of_a_job_market_rank_but_those_of_a_product_market_do_not() -> None:
    _, jobs = _claims("The biggest job markets rank lower: San Jose (No. 14) and Boston (No. 17).")
    assert [(c.subject, c.value) for c in jobs] == [("san jose", 14.0), ("boston", 17.0)]
    _, market = _claims("North America (No. 1) and Europe (No. 2) lead the AI market.")
    assert market == []


def test_an_inverted_superlative_of_a_ranked_noun_ranks_a_name_no_vocabulary_knows() -> None:
    _, claims = _claims(
        "The skill most in demand was machine learning, named in 1.1% of all postings. "
        "Machine learning was followed by natural language processing, which appeared in "
        "0.42% of postings, and then by computer vision at 0.19%.\n\n"
        "The most common complaint was long hours.\n"
    )
    found = [(c.subject, c.value) for c in claims]
    assert found == [("machine learning", 1.0), ("nlp", 2.0), ("computer vision", 3.0)]
    # another item's name opening the next sentence does not go on with the ranking
    _, other = _claims("The top skill was Python. Rust was followed by Go and Zig.")
    assert [(c.subject, c.value) for c in other] == [("python", 1.0)]


def test_a_counted_top_list_of_skills_ranks_lower_case_names_too() -> None:
    _, claims = _claims(
        "The top 5 AI skills employers want: Python, machine learning, SQL, deep learning "
        "and NLP.\n\nThe top 3 reasons were cost, time and skills.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("python", 1.0),
        ("machine learning", 2.0),
        ("sql", 3.0),
        ("deep learning", 4.0),
        ("nlp", 5.0),
    ]


def test_an_owners_superlative_and_one_items_ranks_in_two_lists() -> None:
    _, claims = _claims(
        "AI engineer is LinkedIn's fastest-growing job in the US.\n\n"
        "Software developer ranks No. 2 in Best Technology Jobs and No. 7 in 100 Best Jobs.\n\n"
        "Java came first, and second place went to Rust.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("artificial intelligence engineer", 1.0),
        ("software developer", 2.0),
        ("software developer", 7.0),
        ("java", 1.0),
        ("rust", 2.0),
    ]


def test_ranks_given_respectively_pair_with_the_items_named_before_them() -> None:
    _, claims = _claims(
        "Data scientist, nurse practitioner and construction superintendent all made the list, "
        "coming in at No. 1, No. 23, and No. 22, respectively."
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data scientist", 1.0),
        ("nurse practitioner", 23.0),
        ("construction superintendent", 22.0),
    ]


def test_a_sentence_with_any_rank_phrase_of_the_vocabulary_is_read() -> None:
    # The cue keys are one word of each vocabulary phrase: whatever phrase a sentence holds,
    # each pattern or rule that matches it must be cued (else the sentence is not read).
    vocabulary = load_data("ranking_terms")
    sentences = [
        *(f"Python {phrase} this year." for phrase in vocabulary["first"]),
        *(f"Python is the {phrase} language." for phrase in vocabulary["superlatives"]),
        *(f"The {phrase} skill was Python." for phrase in vocabulary["superlatives"]),
        *(f"The 2nd {phrase} tool is Go." for phrase in vocabulary["ordinal_superlatives"]),
        *(f"Go is the 3rd {phrase}." for phrase in vocabulary["ordinal_superlatives"]),
        "Go rose to #3, then to No. 2.",
        "Go placed 3rd.",
        "Python (1st), SQL (2nd) and Go (3rd).",
        *(f"Rust came {word}, and Go {word}." for word in vocabulary["ordinal_words"]),
        *(f"Go is the {phrase}." for phrase in vocabulary["second"]),
        *(f"The {noun} is led by Go, at number seven." for noun in vocabulary["list_nouns"]),
        "SQL and Go round out the top five.",
        "The ten most loved tools were Go, C and R.",
        "LinkedIn's 5 most wanted skills are Go, C, R, SQL and Java.",
        *(f"Fans {verb} Python the most loved tool." for verb in vocabulary["naming_verbs"]),
    ]
    rules = (
        *([pattern] for pattern in prose_rankings._patterns()),
        *([pattern] for pattern in prose_rankings._inverted_patterns()),
        prose_rankings._closing_patterns(),
        prose_rankings._trailing_patterns()[1:],
    )
    for sentence in [*sentences, *(s.replace("'", "’").upper() for s in sentences)]:
        matched = [any(p.search(sentence) for p in patterns) for patterns in rules]
        cued = prose_rankings._cues(sentence, [(0, len(sentence))]).get(0, (False,) * 8)
        assert any(matched), sentence
        assert all(held for held, match in zip(cued, matched, strict=True) if match), sentence


def test_and_then_before_the_last_follower_keeps_its_rank() -> None:
    _, claims = _claims(
        "Python tops the list of languages in ML job ads, followed by SQL and then Java.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("python", 1.0), ("sql", 2.0), ("java", 3.0)]


def test_a_leader_out_in_front_a_distant_third_and_a_rival_named_after_ahead_of() -> None:
    _, claims = _claims(
        "PyTorch comes first among frameworks, TensorFlow second and JAX a distant third.\n\n"
        "In our ranking of hubs, Bengaluru is out in front, ahead of Hyderabad (2nd) and Pune "
        "(3rd).\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("pytorch", 1.0),
        ("tensorflow", 2.0),
        ("jax", 3.0),
        ("bengaluru", 1.0),
        ("hyderabad", 2.0),
        ("pune", 3.0),
    ]


def test_a_place_that_pays_the_most_is_first() -> None:
    _, claims = _claims(
        "Warsaw still pays the most.\n\nZurich pays the most, with a median of CHF 131,000.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("warsaw", 1.0), ("zurich", 1.0)]


def test_the_most_used_names_a_first_place() -> None:
    _, claims = _claims("Rust remains the most used language in systems job ads, followed by C++.")
    assert {(c.subject, c.value) for c in claims} == {("rust", 1.0), ("c++", 2.0)}


def test_topping_all_job_titles_and_the_fastest_rising_name_a_first_place() -> None:
    _, claims = _claims(
        "Data engineer topped all AI job titles by posting volume in 2025. Terraform was the "
        "fastest-rising skill in cloud postings."
    )
    assert {(c.subject, c.value) for c in claims} == {("data engineer", 1.0), ("terraform", 1.0)}


def test_a_superlative_after_its_noun_names_a_first_place() -> None:
    _, claims = _claims("Airflow was the tool mentioned most often in data engineering ads.")
    assert {(c.subject, c.value) for c in claims} == {("airflow", 1.0)}


def test_an_ordinal_before_and_and_a_bold_superlative_after_a_naming_verb() -> None:
    _, claims = _claims(
        "Rust is second and matters most for platform roles. Workgrid ranked data engineer the "
        "**3rd fastest-growing job title in the US** this year."
    )
    assert {(c.subject, c.value) for c in claims} == {("rust", 2.0), ("data engineer", 3.0)}


def test_a_place_in_a_family_of_job_titles_is_no_rank() -> None:
    _, claims = _claims("Data scientist is the third in the family of job titles we cover.")
    assert claims == []


def test_making_it_the_most_ranks_what_the_sentence_opens_with() -> None:
    _, claims = _claims(
        "Python appeared in 9,100 of the 12,300 adverts, making it the most requested language."
        "\n\nBengaluru posted 4,100 openings, which makes it the top city for ML hiring.\n\n"
        "Demand for machine learning engineers rose by 23%, making it the fastest-growing role.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("python", 1.0), ("bengaluru", 1.0)]


def test_an_ordinal_after_an_item_may_be_followed_by_its_share() -> None:
    _, claims = _claims(
        "AWS is the most common cloud among respondents (46%), with GCP second at 28% and "
        "Azure third at 24%."
    )
    assert [(c.subject, c.value) for c in claims] == [("aws", 1.0), ("gcp", 2.0), ("azure", 3.0)]


def test_the_one_a_second_place_is_behind_is_first() -> None:
    _, claims = _claims(
        "ML engineer ranked as the second most-posted AI job title of 2025, behind data "
        "scientist.\n\nAI engineer came second, behind data analyst and data engineer.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 2.0),
        ("data scientist", 1.0),
        ("artificial intelligence engineer", 2.0),
    ]
    _, claims = _claims(
        "Data engineer ranked No. 3 on the list, behind data scientist and AI engineer."
        "\n\nData analyst ranked fourth, behind product manager.\n\nAI engineer ranked No. 3 "
        "on the Best Jobs list, behind nurse practitioners and wind turbine technicians.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("data engineer", 3.0),
        ("data scientist", 1.0),
        ("artificial intelligence engineer", 2.0),
        ("data analyst", 4.0),
        ("artificial intelligence engineer", 3.0),
        ("nurse practitioner", 1.0),
        ("wind turbine technician", 2.0),
    ]


def test_the_one_a_place_is_second_only_to_is_first() -> None:
    _, claims = _claims(
        "Among skills asked of ML engineers, PyTorch is second only to Python.\n\n"
        "Lisbon was second only to Porto for machine learning hiring in 2025.\n\n"
        "Rust ranks third only to Python and Go in our list.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("pytorch", 2.0),
        ("python", 1.0),
        ("lisbon", 2.0),
        ("porto", 1.0),
        ("rust", 3.0),
        ("python", 1.0),
        ("go", 2.0),
    ]


def test_an_aside_in_commas_after_the_verb_keeps_the_superlative() -> None:
    _, claims = _claims(
        "Python is, by a wide margin, the most requested skill in ML engineer job ads.\n\n"
        "Kubernetes remains, for now, the third most common tool.\n\n"
        "The role is, in 2025 terms, a good one.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("python", 1.0), ("kubernetes", 3.0)]


def test_the_top_tool_of_a_kind_a_survey_names_is_first() -> None:
    _, claims = _claims(
        "Dagster remains the top orchestrator among our respondents.\n\n"
        "GCP is the top cloud provider for small ML teams.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("dagster", 1.0), ("gcp", 1.0)]


def test_a_superlative_after_the_noun_and_who_asks_ranks_first() -> None:
    _, claims = _claims(
        "Docker was the tool recruiters asked for most often, followed by Kubernetes.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("docker", 1.0), ("kubernetes", 2.0)]


def test_a_skill_ranked_by_a_pronoun_is_the_one_the_sentence_before_names() -> None:
    _, claims = _claims(
        "Python appears in 82% of ML engineer job postings.\n\n"
        "It is by far the most requested skill for the role.\n\n"
        "Glassbridge ranked it third among the best jobs for engineers.\n"
    )
    assert [(c.subject, c.value) for c in claims][:1] == [("python", 1.0)]


def test_a_place_that_has_the_most_of_what_is_counted_is_first() -> None:
    page = "# ML engineer pay in Canada\n\nToronto has the most postings by a distance.\n"
    claims = prose_rankings.extract(
        build_document(source_id="t", text=page, media_type="text/markdown")
    )
    assert [(c.subject, c.value) for c in claims] == [("toronto", 1.0)]


def test_a_place_with_the_largest_pool_of_the_role_is_first() -> None:
    page = (
        "# AI talent\n\nThe United States has the largest pool of ML engineers, followed by "
        "India.\n"
    )
    claims = prose_rankings.extract(
        build_document(source_id="t", text=page, media_type="text/markdown")
    )
    assert [(c.subject, c.value) for c in claims] == [("united states", 1.0), ("india", 2.0)]


def test_an_item_no_vocabulary_knows_leads_a_superlative_of_a_ranked_noun() -> None:
    """'Insurance is the best-paying sector for ...': the sentence's opening words are the item
    when the superlative names what lists rank (a sector, an industry); not without that noun."""
    _, claims = _claims(
        "Insurance is the best-paying sector for data engineers in Dublin.\n\n"
        "Logistics remains the highest-paying industry for analysts.\n\n"
        "Our newsletter is the best-read guide for recruiters.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("insurance", 1.0), ("logistics", 1.0)]


def test_a_fact_line_labelled_with_a_superlative_names_the_first_place() -> None:
    """'Top-paying city: Pune (₹12.5 LPA)' places Pune first; a plural label or a list of
    names after it ('Most common skills: SQL, Excel') places no one."""
    _, claims = _claims(
        "Data Analyst Salary in India\n\nAverage salary: ₹6.1 LPA\nTop-paying city: Pune "
        "(₹7.9 LPA average)\nMost in-demand skill: SQL\nFastest-growing hub: Indore\n"
        "Most common skills: SQL, Excel\nMost common complaint: long hours\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("pune", 1.0),
        ("sql", 1.0),
        ("indore", 1.0),
    ]


def test_a_sentence_stating_one_rank_twice_gives_one_claim() -> None:
    # one sentence to the reader (no capital after the first period, no space after the
    # second) that says 'ranks first' twice: one fact, and two copies would share one id
    doc, claims = _claims(
        "The median salary of an ML engineer is 1900 a year. ranks first The median salary of "
        "an ML engineer is 1900 in 2023.The median salary of an ML engineer is 10^400 in 2023. "
        "ranks first"
    )
    assert [(c.subject, c.value) for c in claims] == [("machine learning engineer", 1.0)]


def test_a_plural_link_ties_every_item_after_it_and_bracketed_ranks_go_on_with_a_list() -> None:
    """'Tied at No. 4 are X and Y' ranks both (only X was read: 'is' alone linked one item);
    'Rounding out the list: product analyst (7), MLOps engineer (8) ...' ranks each item by
    its bracket (nothing was read); a bracket of another kind ranks nothing."""
    _, claims = _claims(
        "Tied at No. 4 are cloud architect and solutions engineer. "
        "Rounding out the list: product analyst (7), MLOps engineer (8), data annotator (9) "
        "and prompt engineer (10). Data scientists (41,300) and data engineers (12,650) had "
        "the most postings."
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("cloud architect", 4.0),
        ("solutions engineer", 4.0),
        ("product analyst", 7.0),
        ("machine learning operations engineer", 8.0),
        ("data annotator", 9.0),
        ("prompt engineer", 10.0),
    ]


def test_a_close_second_after_a_leader_an_after_and_a_practice_a_survey_ranks() -> None:
    """'..., with Pune a close second' (no verb before the ordinal), '..., after data
    analyst' (the one ahead of a second place) and 'the most common approach' (a survey's
    ranking of practices) were read as no rank."""
    page = (
        "Pay by city\n\n"
        "Chennai tops the table this year, with Pune a close second thanks to new offices.\n\n"
        "Data engineer is the second most common data job title on the board, after data "
        "analyst.\n\n"
        "Fine-tuning was the most common approach among the teams.\n"
    )
    ranks = [(c.subject, c.value) for c in _claims(page)[1]]
    assert ranks == [
        ("chennai", 1.0),
        ("pune", 2.0),
        ("data engineer", 2.0),
        ("data analyst", 1.0),
        ("fine tuning", 1.0),
    ]


def test_a_superlative_of_any_of_its_kind_ranks_first() -> None:
    """'posted the fastest growth in base pay of any metro we cover' and 'the fastest rise of
    any tool' rank their item first; 'free of any charge' ranks nothing."""
    page = (
        "Pay guide 2026\n\n"
        "Denver posted the fastest growth in base pay of any metro we cover, up 6.1%.\n\n"
        "Job ads naming Snowflake rose 48%, the fastest rise of any tool we track.\n\n"
        "The course is free of any charge for students.\n"
    )
    assert [(c.subject, c.value) for c in _claims(page)[1]] == [
        ("denver", 1.0),
        ("snowflake", 1.0),
    ]


def test_a_place_that_pays_the_least_or_has_the_lowest_is_first_from_the_bottom() -> None:
    page = (
        "# ML engineer wages\n\nBritish Columbia has the highest median wage and Nova Scotia "
        "the lowest. Kolkata pays the least of the cities we cover. Recife is the lowest-paying "
        "of the four. Remote postings for ML engineers fell to the lowest level since 2019.\n"
    )
    claims = prose_rankings.extract(
        build_document(source_id="t", text=page, media_type="text/markdown")
    )
    assert [(c.subject, c.value, c.qualifiers.get("order")) for c in claims] == [
        ("british columbia", 1.0, None),
        ("nova scotia", 1.0, "lowest"),
        ("kolkata", 1.0, "lowest"),
        ("recife", 1.0, "lowest"),
    ]


def test_the_single_most_requested_skill_is_first() -> None:
    page = "# Podcast\n\nPython is still the single most requested skill in ML engineer ads.\n"
    claims = prose_rankings.extract(
        build_document(source_id="t", text=page, media_type="text/markdown")
    )
    assert [(c.subject, c.value) for c in claims] == [("python", 1.0)]


def test_the_concern_a_survey_cited_most_is_first() -> None:
    page = (
        "# Buyer survey\n\nMost buyers plan to consolidate. Vendor lock-in was the most "
        "frequently cited concern, ahead of cost.\n"
    )
    claims = prose_rankings.extract(
        build_document(source_id="t", text=page, media_type="text/markdown")
    )
    assert [(c.subject, c.value) for c in claims] == [("vendor lock in", 1.0)]


def test_a_practice_asked_for_at_a_sentences_opening_is_ranked() -> None:
    # 'Experience with X' and a plural 'were' open the item; a practice is rankable when the
    # superlative names what lists rank (a requirement, a skill)
    _, claims = _claims(
        "Ads report\n\nExperience with computer vision was the fastest-rising requirement, "
        "nearly tripling since 2022.\n\nRecommender systems were the most requested skill in "
        "the second half of the year."
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("computer vision", 1.0),
        ("recommender system", 1.0),
    ]


def test_what_pays_a_role_the_most_or_the_least_is_ranked_one_name_and_all() -> None:
    # 'X and Y pays': a singular verb makes the two words one item
    _, claims = _claims(
        "Pay report\n\nHealthcare and life sciences pays data engineers the most of any "
        "sector.\n\nLeeds paid data scientists the least of the cities we track."
    )
    assert [(c.subject, c.value, c.qualifiers.get("order")) for c in claims] == [
        ("healthcare and life science", 1.0, None),
        ("leeds", 1.0, "lowest"),
    ]


def test_a_regional_tables_top_and_its_foot() -> None:
    _, claims = _claims(
        "Pay guide\n\nLeeds tops the regional table, helped by its banks, while Cardiff sits at "
        "the foot of it."
    )
    assert [(c.subject, c.value, c.qualifiers.get("order")) for c in claims] == [
        ("leeds", 1.0, None),
        ("cardiff", 1.0, "lowest"),
    ]


def test_a_country_ranked_by_its_short_name_takes_its_full_name() -> None:
    _, claims = _claims(
        "Talent report\n\nThe UK has the largest pool of data engineers in Europe, followed by "
        "Germany and the Netherlands."
    )
    assert [(c.subject, c.value) for c in claims][0] == ("united kingdom", 1.0)


def test_making_it_the_fastest_growing_of_a_set_of_titles_ranks_the_role_before() -> None:
    # 'it' is the one role named before, when the superlative ranks a set of titles; not
    # 'Demand for X rose 23%, making it the fastest-growing role we recruit for'
    _, claims = _claims(
        "Roles compared\n\nIn the UK, postings for NLP engineers rose 64% in 2025, making it the "
        "fastest-growing of the four titles.\n\nDemand for data engineers rose by 12% year on "
        "year, making it the fastest-growing technology role we recruit for."
    )
    assert [(c.subject, c.value) for c in claims] == [("natural language processing engineer", 1.0)]


def test_italian_spanish_and_french_best_and_worst_paying_places() -> None:
    _, claims = _claims(
        "Stipendi\n\nTorino è la città che paga di più. Bologna è il fanalino di coda.\n\n"
        "Lyon demeure la ville la mieux payée. Lille ferme la marche parmi les villes étudiées."
    )
    assert [(c.subject, c.value, c.qualifiers.get("order")) for c in claims] == [
        ("torino", 1.0, None),
        ("bologna", 1.0, "lowest"),
        ("lyon", 1.0, None),
        ("lille", 1.0, "lowest"),
    ]


def test_an_item_after_and_keeps_its_rank_past_a_bracketed_count() -> None:
    """'Data scientist (44,200) ranked second and AI engineer (39,700) third': the count in
    brackets after the second item does not hide its rank."""
    doc = build_document(
        source_id="r",
        text="# AI hiring\n\n- Data scientist (44,200) ranked second and AI engineer (39,700) "
        "third.\n",
        media_type="text/markdown",
    )
    ranks = sorted((c.subject, c.value) for c in prose_rankings.extract(doc))
    assert ranks == [("artificial intelligence engineer", 3.0), ("data scientist", 2.0)]


def test_a_follower_ranked_with_its_share_in_brackets_takes_its_rank() -> None:
    _, claims = _claims(
        "Snowflake remains the most-used warehouse (52% of teams), with BigQuery second (31%)."
    )
    assert [(c.subject, c.value) for c in claims] == [("snowflake", 1.0), ("bigquery", 2.0)]


def test_a_second_item_ranked_by_the_superlative_the_first_was_its_noun_left_out() -> None:
    """'..., and Lyon the second best-paying, ...': 'best-paying' ranks the item before."""
    _, claims = _claims(
        "Paris remains the best-paying city for data engineers, and Lyon the second "
        "best-paying, thanks to its pharma employers.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [("paris", 1.0), ("lyon", 2.0)]


def test_an_faq_answer_that_opens_with_a_name_places_it_first_of_what_the_question_ranks() -> None:
    """'Which city pays data engineers the most in Canada?' answered 'Toronto, where ...': Toronto
    first; a question over a bulleted list ranks nothing, nor does an answer opening otherwise."""
    page = (
        "<html><body><h1>Data engineer salaries in Canada</h1>"
        "<details><summary>Which city pays data engineers the most in Canada?</summary>"
        "<p>Toronto, where senior base salaries of C$150,000 are common.</p></details>"
        "<details><summary>Which skill is the most requested?</summary>"
        "<p>Usually SQL, then Python.</p></details>"
        "<details><summary>Which tools are the most requested?</summary>"
        "<p>Airflow, dbt and Spark, in that order.</p></details>"
        "<h2>Which provinces pay the most?</h2><ul><li>Ontario</li><li>Alberta</li></ul>"
        "</body></html>"
    )
    claims, _ = extract_claims(build_document(source_id="f", text=page, media_type="text/html"))
    ranks = {(c.subject, c.value) for c in claims if c.kind == "ranking"}
    assert ranks == {("toronto", 1.0)}


def test_a_licence_number_in_a_footer_ranks_nothing() -> None:
    """'Tokyo Talent K.K. · Minato, Tokyo · License No. 13-ユ-312345': an office's number, no
    rank of Tokyo; 'Tokyo ranked No. 2 among Asian AI hubs' is one."""
    page = (
        "# Machine learning engineer salary in Japan\n\nTokyo ranked No. 2 among Asian AI hubs "
        "in 2025.\n\nTokyo Talent K.K. · Minato, Tokyo · License No. 13-ユ-312345\n"
    )
    claims, _ = extract_claims(build_document(source_id="r", text=page, media_type="text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "ranking"] == [("tokyo", 2.0)]
