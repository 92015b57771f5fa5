"""Skill claims from skills sections, skills lists and requirement sentences."""

from __future__ import annotations

from support.documents import bundled, document, fixture, quote

from mlefacts.extract import extract_claims, skills
from mlefacts.extract.cues import starts_in
from mlefacts.extract.sections import classify_heading
from mlefacts.normalize.skills import find_skills


def _canonical(claims) -> list[str]:
    return [c.qualifiers["canonical"] for c in claims if c.qualifiers["canonical"]]


def test_spun_article_skills_list() -> None:
    doc = bundled(0)
    claims = skills.extract(doc)
    found = _canonical(claims)
    for name in (
        "Python",
        "R",
        "Java",
        "C++",
        "Hadoop",
        "Spark",
        "Pig",
        "Hive",
        "Flume",
        "TensorFlow",
        "Keras",
        "scikit-learn",
        "Theano",
        "Matplotlib",
        "Caffe",
    ):
        assert name in found, name
    learn = next(c for c in claims if c.qualifiers["canonical"] == "scikit-learn")
    assert learn.qualifiers["alias"] == quote(doc, learn) == "Scikit\u00a0be taught"
    assert learn.qualifiers["requirement"] == "required"
    assert {c.subject for c in claims} == {"machine learning engineer"}


def test_spun_article_degree_fields_are_skills() -> None:
    claims = skills.extract(bundled(0))
    assert not [c for c in claims if c.qualifiers["canonical"] is None]
    fields = {c.qualifiers["canonical"] for c in claims if c.qualifiers.get("education")}
    assert fields == {"computer science", "mathematics", "statistics"}


def test_one_claim_per_skill_per_block() -> None:
    claims = skills.extract(bundled(0))
    keys = [(c.qualifiers["canonical"], c.char_start) for c in claims]
    tensorflow = [c for c in claims if c.qualifiers["canonical"] == "TensorFlow"]
    assert len(keys) == len(set(keys))
    assert len(tensorflow) == 2  # two different list items name it


def test_requirement_prose_outside_skills_sections() -> None:
    doc = bundled(1)
    claims = skills.extract(doc)
    first = [c for c in claims if c.qualifiers["canonical"] in ("PyTorch", "scikit-learn")]
    assert first and first[0].qualifiers["requirement"] == "required"


def test_skills_named_for_another_role_go_to_that_role() -> None:
    claims = skills.extract(bundled(1))
    assert any(c.subject == "data scientist" for c in claims)


def test_takeaways_list_gives_no_skills() -> None:
    doc = bundled(1)
    takeaways = next(b for b in doc.blocks if doc.span_text(b) == "Key Takeaways")
    items = [
        b for b in doc.blocks if b.kind == "list_item" and b.section == doc.blocks.index(takeaways)
    ]
    claims = skills.extract(doc)
    assert items
    assert not [c for c in claims if any(b.start <= c.char_start < b.end for b in items)]


def test_requirements_list_with_varied_spellings() -> None:
    doc = fixture("requirements.txt")
    claims = skills.extract(doc)
    required = [
        c.qualifiers["canonical"] for c in claims if c.qualifiers.get("requirement") == "required"
    ]
    assert required[:10] == [
        "Python",
        "SQL",
        "PyTorch",
        "TensorFlow",
        "scikit-learn",
        "XGBoost",
        "pandas",
        "AWS",
        "GCP",
        "Docker",
    ]
    aliases = {
        c.qualifiers["canonical"]: c.qualifiers["alias"]
        for c in claims
        if c.qualifiers["canonical"]
    }
    assert aliases["scikit-learn"] == "scikit learn"
    assert aliases["PyTorch"] == "pytorch"
    preferred = [
        c.qualifiers["canonical"] for c in claims if c.qualifiers.get("requirement") == "preferred"
    ]
    assert preferred == ["Spark", "MLflow"]


def test_a_part_of_a_sentence_after_a_semicolon_states_its_own_requirement() -> None:
    doc = document(
        "What we look for\n\n- Strong SQL skills; experience with Spark is a plus\n"
        "- Fluency in Python; Kafka would be nice to have\n"
        "- Unlike SQL databases, Milvus indexes vectors; you must know one of them well\n"
    )
    found = {
        c.qualifiers["canonical"]: c.qualifiers.get("requirement") for c in skills.extract(doc)
    }
    assert found["Spark"] == found["Kafka"] == "preferred"
    assert found["SQL"] is None and found["Python"] is None  # not a plus: no word either way
    assert found["Milvus"] == "required"  # '...; you must know one of them': its names too
    required = document("Requirements\n\n- Strong command of Python; Scala is a plus\n")
    found = {
        c.qualifiers["canonical"]: c.qualifiers.get("requirement") for c in skills.extract(required)
    }
    assert found == {"Python": "required", "Scala": "preferred"}  # the heading's, not the plus


def test_a_clause_a_conjunction_opens_states_its_own_requirement_and_helps_is_preferred() -> None:
    """'..., and a solid grounding in probability helps': the clause's 'helps' makes its skill
    preferred, not those of the clause before it; a list's ', and Spark' goes on with its
    list; 'Familiarity with Grafana helps' under a heading of needs is preferred."""
    doc = document(
        "Skills\n\nYou should be comfortable with linear algebra and calculus, and a solid "
        "grounding in probability helps.\n\nWe need Python, SQL, and Spark.\n\n"
        "## Skills you'll need\n\nMost engineers know Terraform. Familiarity with Grafana helps.\n"
    )
    found = {
        c.qualifiers["canonical"]: c.qualifiers.get("requirement") for c in skills.extract(doc)
    }
    assert found == {
        "linear algebra": None,
        "calculus": None,
        "probability": "preferred",
        "Python": "required",
        "SQL": "required",
        "Spark": "required",
        "Terraform": "required",
        "Grafana": "preferred",
    }


def test_a_postings_portrait_of_who_fits_lists_skills_of_its_role_not_duties() -> None:
    """'You'll thrive here if you' lists what a candidate brings, not duties; a role named as
    who the work is done with ('pairing with data engineers on Spark') does not take the
    skill."""
    doc = document(
        "# Machine Learning Engineer, Growth\n\n## You'll thrive here if you\n\n"
        "- Have shipped ranking models to production\n"
        "- Enjoy pairing with data engineers on Spark pipelines\n"
    )
    claims, _ = extract_claims(doc)
    assert not [c for c in claims if c.kind == "responsibility"]
    spark = [c for c in claims if c.kind == "skill" and c.qualifiers.get("canonical") == "Spark"]
    assert [c.subject for c in spark] == ["machine learning engineer"]


def test_degree_fields_are_skills_marked_education() -> None:
    claims = skills.extract(fixture("requirements.txt"))
    fields = [c.qualifiers["canonical"] for c in claims if c.qualifiers.get("education")]
    assert fields == ["computer science", "statistics"]
    assert not [c for c in claims if c.qualifiers["category_of_skill"] == "education"]


def test_a_degree_is_a_qualification_not_a_skill() -> None:
    doc = document("Requirements\n\n- A bachelor's degree in forestry or agronomy\n- PhD\n")
    assert skills.extract(doc) == []


def test_long_items_without_skills_are_experience_not_skills() -> None:
    text = (
        "Requirements\n\n- 3+ years of experience shipping models to production\n"
        "- Able to explain results to non-technical colleagues\n- Great Expectations\n"
    )
    kept = [c.text for c in skills.extract(document(text)) if c.qualifiers["canonical"] is None]
    assert kept == ["great Expectations"]


def test_a_kept_item_s_skill_leaves_out_the_words_that_ask_for_it() -> None:
    """'Working knowledge of DSA' names DSA, which the taxonomy lacks: kept, as 'DSA'."""
    text = (
        "Requirements\n\n- Working knowledge of DSA\n- Hands-on experience with Quarto\n"
        "- Experience Design\n- Fluent Bit\n"
    )
    kept = [c.text for c in skills.extract(document(text)) if c.qualifiers["canonical"] is None]
    assert kept == ["DSA", "Quarto", "experience Design", "fluent Bit"]  # a name's own word stays


def test_label_line_lists_skills_but_a_background_label_does_not() -> None:
    text = (
        "# Jobs\n\n**Core skills:** PyTorch, Docker\n\n"
        "**Typical background:** software engineering or data science\n"
    )
    doc = document(text, "text/markdown")
    assert _canonical(skills.extract(doc)) == ["PyTorch", "Docker"]


def test_a_skills_label_inside_a_paragraph_lists_skills_as_one_opening_it_does() -> None:
    """A countdown's item ends its blurb with 'Top skills: ...' (the text hard-wrapped and
    indented): every name after the label counts, practices and soft skills too."""
    text = (
        "THE TEN FASTEST-GROWING JOBS\n\n"
        "3. Data Annotator\n"
        "    Median pay: CA$54,000\n"
        "    People still label the data that models learn from. Top skills: data\n"
        "    labeling, attention to detail.\n\n"
        "2. Platform Analyst\n"
        "    Banks need people who know both risk and software. The role rewards data\n"
        "    analysis more than anything.\n"
    )
    doc = document(text)
    assert _canonical(skills.extract(doc)) == ["data labeling", "attention to detail"]


def test_tools_named_in_duties_count_and_practices_in_duty_items() -> None:
    text = (
        "What you will work on\n\n- Keep our training jobs reliable on GCP\n"
        "- Build data pipelines and APIs for the ranking team\n"
        "- Turn data science prototypes into services\n"
    )
    # a practice that qualifies another thing ('data science prototypes') is none
    assert _canonical(skills.extract(document(text))) == ["GCP", "ETL", "REST APIs"]


def test_requirement_phrasings() -> None:
    for sentence, name in (
        ("Unlike analysts, they are expected to know Kubernetes well.", "Kubernetes"),
        (
            "In our survey, hiring managers said they look for comfort with TypeScript.",
            "TypeScript",
        ),
        ("Candidates for the data platform team ought to possess solid SQL.", "SQL"),
        (
            "Most employers we surveyed want a grounding in probability.",
            "probability",
        ),
    ):
        assert _canonical(skills.extract(document(f"Notes\n\n{sentence}"))) == [name]


def test_related_posts_are_not_skills() -> None:
    claims = skills.extract(fixture("requirements.txt"))
    assert not [c for c in claims if "feature store" in (c.text or "")]


def test_names_heading_roles_markets_companies_or_courses_are_not_skills() -> None:
    text = (
        "Notes\n\nMLOps engineers and NLP specialists are in short supply. The computer vision "
        "segment grew fastest, and Amazon Web Services, Inc. leads the vendors. Our Python "
        "bootcamp costs $499. Most teams deploy on Azure.\n"
    )
    assert _canonical(skills.extract(document(text))) == ["Azure"]


def test_products_count_where_used_or_placed_and_concepts_where_used() -> None:
    text = (
        "Survey\n\nPython appears in 78% of the ads we read. Keras came fourth. "
        "Statistics is the most requested skill. We publish statistics every month.\n"
    )
    assert _canonical(skills.extract(document(text))) == ["Python", "Keras", "statistics"]


def test_products_named_without_a_use_are_not_skills() -> None:
    text = (
        "About us\n\nOur mobile app is written in Swift. Our charts are made with Tableau. "
        "SQL comes second. Analysts in the team query Snowflake every day.\n\n- #1 AWS\n"
    )
    assert _canonical(skills.extract(document(text))) == ["SQL", "Snowflake", "AWS"]


def test_how_much_a_tool_is_used_ties_it_to_the_job() -> None:
    text = (
        "Ask an engineer\n\nWhat is your stack? Mostly Rust, with a bit of Redis, and Kafka "
        "day to day. Our office dog is named Pandas.\n"
    )
    assert _canonical(skills.extract(document(text))) == ["Rust", "Redis", "Kafka"]


def test_a_practice_that_qualifies_another_thing_is_not_a_skill() -> None:
    text = (
        "Tools\n\nPyTorch is now the most popular deep learning framework among engineers. "
        "Buyers of the study receive an Excel data pack. Employers want deep learning skills.\n"
    )
    assert _canonical(skills.extract(document(text))) == ["PyTorch", "deep learning"]


def test_a_name_the_page_sets_its_subject_against_is_not_a_skill() -> None:
    text = (
        "Storage\n\nUnlike SQL databases, a vector store such as Milvus indexes dense vectors; "
        "ML engineers need to know one of them well.\n"
    )
    assert _canonical(skills.extract(document(text))) == ["vector databases", "Milvus"]
    for cue in ("Compared with", "Rather than", "As opposed to"):
        compared = text.replace("Unlike", cue)
        assert _canonical(skills.extract(document(compared))) == ["vector databases", "Milvus"]


def test_course_promises_adverts_and_bylines_name_no_skills() -> None:
    for sentence in (
        "This course teaches you Python, then moves on to pandas.",
        "Featherly integrates with Snowflake and BigQuery; start a free trial today.",
        "Hannah is a former web developer who writes about JavaScript and Ruby.",
        "Before that she wrote Fortran simulations and used MATLAB daily.",
        "Vendors covered in the study include Databricks and DataRobot.",
    ):
        assert _canonical(skills.extract(document(f"Notes\n\n{sentence}\n"))) == [], sentence
    for sentence, names in (
        ("Most ML teams use Docker and MLflow, so the course covers both.", ["Docker", "MLflow"]),
        (
            "A machine learning engineer must know SQL; he or she uses Python daily.",
            ["SQL", "Python"],
        ),
    ):
        assert _canonical(skills.extract(document(f"Notes\n\n{sentence}\n"))) == names


def test_numbered_headings_of_a_skills_list_name_skills_whatever_their_order() -> None:
    page = (
        "# 10 Skills Every Machine Learning Engineer Needs\n\nWe grouped them by topic, not "
        "by how often ads ask for them.\n\n## 1. Python\n\nLearn it well.\n\n"
        "## 2. Linear algebra and probability\n\nVectors and distributions explain models.\n\n"
        "## 3. Communication\n\nExplain trade-offs to product managers.\n"
    )
    names = _canonical(skills.extract(document(page, "text/markdown")))
    assert {"linear algebra", "probability", "communication"} <= set(names)


def test_a_programmes_modules_and_entry_requirements_name_no_skills() -> None:
    page = (
        "<h1>MSc Machine Learning Engineering</h1><table><tr><th>Entry requirements</th><td>A "
        "degree in mathematics and a year of Python programming.</td></tr></table>"
        "<h2>What you'll study</h2><ul><li>Deep Learning with PyTorch (20 credits)</li>"
        "<li>Cloud Systems on AWS (20 credits)</li></ul>"
        "<h2>Careers</h2><p>Machine learning engineers deploy models and use Docker daily.</p>"
    )
    assert "PyTorch" not in _canonical(skills.extract(document(page, "text/html")))
    assert "Python" not in _canonical(skills.extract(document(page, "text/html")))
    assert "Docker" in _canonical(skills.extract(document(page, "text/html")))


def test_concepts_mentioned_without_a_need_are_not_skills() -> None:
    text = (
        "Life at the company\n\n"
        "Our office has a statistics wall, a deep learning reading club and a rooftop garden. "
        "Every engineer on the platform team must know SQL and Docker before their first on-call "
        "shift, which usually starts in the second month.\n"
    )
    claims = skills.extract(document(text))
    assert _canonical(claims) == ["SQL", "Docker"]
    assert {c.qualifiers["requirement"] for c in claims} == {"required"}


def test_a_table_listing_skills_row_by_row_names_each_skill() -> None:
    doc = bundled(1)
    start = doc.text.index("3. Most In-demand Programming Languages")
    end = doc.text.index("Python takes the lead")  # the prose after it names them again
    named = [c for c in skills.extract(doc) if start <= c.char_start < end]
    assert [c.text for c in named] == ["Python", "R", "Java"]
    assert all(quote(doc, c) == c.text for c in named)


def test_html_tool_table_gives_skills_and_prose_cells_do_not() -> None:
    html = """<h2>Tools data teams rely on</h2><table>
    <tr><th>Rank</th><th>Tool</th><th>Share of teams</th></tr>
    <tr><td>1</td><td>Kubernetes</td><td>61%</td></tr>
    <tr><td>2</td><td>MLflow</td><td>44%</td></tr>
    <tr><td>3</td><td>Airflow</td><td>37%</td></tr></table>
    <table><tr><th>Team</th><th>Notes</th></tr>
    <tr><td>Platform</td><td>Mostly writes Go and some Python glue</td></tr>
    <tr><td>Research</td><td>Prototypes in notebooks</td></tr></table>"""
    doc = document(html, "text/html")
    table_claims = [c for c in skills.extract(doc) if c.char_start >= doc.tables[0].start]
    assert [c.qualifiers["canonical"] for c in table_claims] == [
        "Kubernetes",
        "MLflow",
        "Airflow",
    ]


def test_a_tools_row_of_a_comparison_table_gives_each_columns_role_its_skills() -> None:
    html = """<h2>Two roles side by side</h2><table>
    <tr><th></th><th>Machine learning engineer</th><th>Data analyst</th></tr>
    <tr><td>Everyday tools</td><td>Kubeflow, Terraform</td><td>Tableau, Excel</td></tr>
    <tr><td>Typical week</td><td>Shipping Python services</td><td>Writing reports</td></tr>
    </table>"""
    doc = document(html, "text/html")
    found = [(c.subject, c.qualifiers["canonical"], quote(doc, c)) for c in skills.extract(doc)]
    assert found == [
        ("machine learning engineer", "Kubeflow", "Kubeflow"),
        ("machine learning engineer", "Terraform", "Terraform"),
        ("data analyst", "Tableau", "Tableau"),
        ("data analyst", "Excel", "Excel"),
        # the 'Typical week' row is each role's duties: a product one names is a skill too
        ("machine learning engineer", "Python", "Python"),
    ]


def test_a_list_under_an_in_demand_skills_title_below_a_byline_lists_skills() -> None:
    text = (
        "# The Most In-Demand Skills for Data Teams\n\n"
        "*Weekly digest · Issue #7 · 3 min read*\n\n"
        "[Subscribe](/s) · [Archive](/a)\n\n"
        "1. **Rust** – 40% of postings\n2. **Snowflake** – 22%\n"
    )
    doc = document(text, "text/markdown")
    assert _canonical(skills.extract(doc)) == ["Rust", "Snowflake"]


def test_what_you_will_bring_heads_a_requirements_list() -> None:
    text = (
        "## What you'll bring\n\n- Comfort with Terraform and GCP\n- Fluency in Scala\n\n"
        "## Nice-to-haves\n\n- Rust\n"
    )
    claims = skills.extract(document(text, "text/markdown"))
    assert _canonical(claims) == ["Terraform", "GCP", "Scala", "Rust"]
    # what a posting says everyone brings is required; its nice-to-haves are preferred
    assert [c.qualifiers.get("requirement") for c in claims] == ["required"] * 3 + ["preferred"]


def test_a_column_headed_tools_lists_each_rows_skills_for_its_role() -> None:
    text = (
        "# Our stack\n\n## Tools by role\n\n| Role | Tools |\n| --- | --- |\n"
        "| ML engineer | Python, Kubeflow |\n| Data analyst | Looker, dbt |\n"
    )
    claims = skills.extract(document(text))
    assert [(c.qualifiers["canonical"], c.subject) for c in claims] == [
        ("Python", "machine learning engineer"),
        ("Kubeflow", "machine learning engineer"),
        ("Looker", "data analyst"),
        ("dbt", "data analyst"),
    ]


def test_a_link_to_another_page_names_no_skill_unless_it_is_only_the_name() -> None:
    text = (
        "Reading\n\n- [Top 10 Python libraries for 2025](/blog/top-python)\n"
        "- [Ten Pandas tricks that teams use](/blog/pandas)\n- [PyTorch](https://pytorch.org)\n"
    )
    assert _canonical(skills.extract(document(text))) == ["PyTorch"]


def test_requirement_phrasings_tie_practices_to_the_job() -> None:
    text = (
        "# The machine learning engineer role\n\n"
        "Most ML engineers are comfortable in statistics and at home with linear algebra.\n\n"
        "If you know your way around data structures, the interviews are easier.\n\n"
        "Good candidates are well versed in distributed systems and adept at feature "
        "engineering.\n\n"
        "You will be confident with causal inference.\n"
    )
    found = set(_canonical(skills.extract(document(text, "text/markdown"))))
    assert found == {
        "statistics",
        "linear algebra",
        "data structures",
        "distributed systems",
        "feature engineering",
        "causal inference",
    }


def test_a_you_should_have_list_is_a_requirements_section() -> None:
    doc = document(
        "<h1>Senior ML Engineer</h1><h3>You should have</h3><ul>"
        "<li>6+ years of software engineering</li>"
        "<li>Experience with a vector database such as Qdrant or pgvector</li>"
        "<li>A Computer Science degree</li></ul>",
        "text/html",
    )
    assert set(_canonical(skills.extract(doc))) == {
        "software engineering",
        "vector databases",
        "Qdrant",
        "pgvector",
        "computer science",
    }


def test_places_in_a_list_under_a_skills_heading_are_no_skills() -> None:
    doc = document(
        "## Skill penetration\n\nCountries ranked by AI skill penetration:\n\n"
        "1. India\n2. United States\n3. Quillstack Studio\n",
        "text/markdown",
    )
    assert [c.text for c in skills.extract(doc)] == ["quillstack Studio"]


def test_a_field_of_a_degree_before_a_comma_and_another_field_is_a_skill() -> None:
    doc = document(
        "# Senior ML Engineer\n\n## What we look for\n\n"
        "- A degree in Computer Science, Electrical Engineering or something close\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == ["computer science"]


def test_a_duty_item_names_its_practices_as_skills_but_not_a_soft_skill() -> None:
    doc = document(
        "# Machine Learning Engineer\n\n## What you'll do\n\n"
        "- Run shadow deployments and A/B tests before any model takes live traffic\n"
        "- Build monitoring that flags data drift\n"
        "- Collaborate with product teams on the roadmap\n"
        "- Report to the Head of Statistics\n",
        "text/markdown",
    )
    # a soft skill is the duty itself; a leader's remit is no work
    assert _canonical(skills.extract(doc)) == [
        "model deployment",
        "hypothesis testing",
        "model monitoring",
    ]


def test_a_practice_ranked_in_a_list_of_skills_is_a_skill_and_in_a_list_of_specialisms_not() -> (
    None
):
    skills_page = document(
        "# The 5 AI Skills Employers Asked For Most in 2026\n\n"
        "We ranked the skills by the share of ads naming each one.\n\n"
        "## 1. Python — 79% of ads\n\nStill the default.\n\n"
        "## 2. MLOps — 24% of ads\n\nAsked for under many names.\n",
        "text/markdown",
    )
    specialisms = document(
        "# Ranked: the best-paying ML specialisms of 2026\n\n"
        "### #1: Recommender systems\n\nStill pays well.\n\n"
        "### #2: Computer vision\n\nRetail kept demand strong.\n",
        "text/markdown",
    )
    assert "MLOps" in _canonical(skills.extract(skills_page))
    assert _canonical(skills.extract(specialisms)) == []


def test_a_practice_named_in_a_prose_duty_is_a_skill_of_the_role() -> None:
    text = (
        "Data engineers in our teams build ingestion jobs, deploy models behind APIs and keep "
        "data quality high. The office has a feature engineering book club."
    )
    found = {c.text for c in skills.extract(document(text))}
    assert {"model deployment", "data quality"} <= found
    assert "feature engineering" not in found  # no duty: a club's name


def test_what_a_hiring_loop_tests_is_a_skill_of_the_role() -> None:
    text = (
        "The loop has a coding round in Rust and one ML system design round. Unlike analysts, "
        "we get grilled on Terraform."
    )
    found = {c.text for c in skills.extract(document(text))}
    assert {"Rust", "system design", "Terraform"} <= found


def test_infrastructure_monitoring_is_no_model_monitoring_and_a_duty_skill_is_its_roles() -> None:
    text = (
        "# What does a machine learning engineer do?\n\n"
        "Machine learning engineers report to the head of data, and design and deploy models."
        "\n\n## Requirements\n\n- Experience with logging and monitoring (Prometheus, Grafana)\n"
    )
    found = {(c.subject, c.text) for c in skills.extract(document(text, "text/markdown"))}
    assert not [t for _, t in found if t == "model monitoring"]
    assert ("machine learning engineer", "model deployment") in found


def test_a_list_under_what_hiring_managers_asked_for_names_skills() -> None:
    doc = document(
        "# ML engineer pay in the UK\n\n## What hiring managers asked for\n\n"
        "- Production Python\n- MLOps tooling: MLflow for tracking, Airflow for pipelines\n"
        "- A major cloud, usually AWS or GCP\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == ["Python", "MLOps", "MLflow", "Airflow", "AWS", "GCP"]


def test_skills_people_list_on_their_profiles_are_the_roles() -> None:
    doc = document(
        "The skills ML engineers listed most often on their profiles were Python, Spark and AWS."
    )
    assert _canonical(skills.extract(doc)) == ["Python", "Spark", "AWS"]


def test_a_language_table_row_names_its_skill_with_a_generic_word_after_a_slash() -> None:
    doc = document(
        "## Languages used at work\n\n| Language | % of respondents |\n|---|---|\n"
        "| Python | 94% |\n| Bash/shell | 41% |\n| Go | 9% |\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == ["Python", "Bash", "Go"]
    shares = {c.subject: c.value for c in extract_claims(doc)[0] if c.kind == "share"}
    assert shares == {"python": 94.0, "bash": 41.0, "go": 9.0}


def test_a_markdown_bar_of_links_is_navigation() -> None:
    doc = document(
        "PayLadder · [Salaries](/salaries) · [Levels](/levels) · [Negotiation coaching](/coach)"
        " · [Log in](/login)\n\n# ML engineer pay\n\nML engineers need Python.\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == ["Python"]


def test_skills_an_experience_or_the_interviews_name_are_needed() -> None:
    doc = document(
        "# ML engineer contracts in Sydney\n\nSpecialists with production LLM experience "
        "command up to $1,450 a day.\n\nInterviews lean heavily on data structures and ML "
        "system design.\n\nJust over half serve at least one model on Kubernetes.\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == [
        "large language models",
        "data structures",
        "system design",
        "Kubernetes",
    ]


def test_pytest_and_operations_research_are_skills() -> None:
    doc = document(
        "## Requirements\n\n- Clean, tested Python (type hints, pytest)\n"
        "- MS or PhD in Operations Research or Statistics\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == [
        "Python",
        "pytest",
        "operations research",
        "statistics",
    ]


def test_practices_a_person_uses_learns_or_lacks_are_skills() -> None:
    doc = document(
        "# From analyst to ML engineer\n\nWhat new hires lacked was software engineering. "
        "Learn how feature stores fit together. Our engineers spend much of their time on "
        "experiment tracking. We want engineers who can deploy models on their own.\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == [
        "software engineering",
        "feature stores",
        "experiment tracking",
        "model deployment",
    ]


def test_what_a_system_does_or_a_definition_names_no_practice() -> None:
    doc = document(
        "# What is ML engineering?\n\nThe field combines computer science with statistics to "
        "build systems which learn from data. Data engineering is the discipline of moving data "
        "to where it can be used. Teams rank the use cases of NLP by their value.\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == []


def test_a_practice_named_by_what_is_done_to_models() -> None:
    text = (
        "What you will work on\n\n- Deploy our fraud models to the edge\n"
        "- Put at least one model into production each quarter\n"
        "- Set up monitoring so drift gets caught early\n"
        "- Compare dashboards rather than models\n"
    )
    found = _canonical(skills.extract(document(text)))
    assert found == ["model deployment", "model deployment", "model monitoring"]


def test_a_list_whose_lead_in_names_skills_one_sentence_before_its_colon() -> None:
    text = (
        "What the top earners knew\n\nWe read the skills that top earners listed. The same "
        "names kept coming up:\n\n1. CUDA and kernel work\n2. Serving with vLLM on Kubernetes\n"
    )
    assert _canonical(skills.extract(document(text))) == ["CUDA", "vLLM", "Kubernetes"]


def test_the_skills_a_list_of_work_verbs_names_under_no_duties_heading_are_the_roles() -> None:
    doc = document(
        "# Contract ML engineer guide\n\n## What contractors are brought in to do\n\n"
        "The briefs we saw asked the contractor to:\n\n"
        "1. stand up CI/CD for model releases\n2. build evaluation harnesses for LLM features\n"
        "3. tune inference cost on GPU clusters\n",
        "text/markdown",
    )
    found = {c.qualifiers["canonical"] for c in skills.extract(doc)}
    assert {"CI/CD", "large language models"} <= found


def test_on_a_markets_page_only_the_people_who_do_the_work_have_skills() -> None:
    doc = document(
        "# Vector Search Software Market to Reach USD 9.4 Billion by 2032\n\n"
        "The vector search software market was worth USD 2.1 billion in 2025, says Arlen "
        "Insights. Early rollouts of feature stores and Kubernetes-based serving keep North "
        "America ahead of other markets. The report comes as PDF + Excel.\n\n"
        "Buyers say the market is short of engineers who can tune PyTorch models for "
        "retrieval.\n",
        "text/markdown",
    )
    assert _canonical(skills.extract(doc)) == ["PyTorch"]


def test_a_requirements_heading_with_an_emoji_and_an_adverb_is_a_skills_heading() -> None:
    assert classify_heading("✅ You'll probably have") == "skills"
    assert classify_heading("Ideally you'll have") == "skills"


def test_advice_to_get_good_at_practices_names_them() -> None:
    """'brush up on X and Y' tells a reader what the work takes: the practices it names count,
    as after 'learn'; the same practices merely mentioned do not."""
    text = (
        "Q: Should I move into ML engineering?\n\n"
        "A: Brush up on causal inference and experiment design before you apply.\n\n"
        "Causal inference and experiment design came up in the news last week.\n"
    )
    found = _canonical(skills.extract(document(text)))
    assert found == ["causal inference"]


def test_what_a_hiring_team_tests_or_screens_for_is_what_the_role_needs() -> None:
    text = (
        "Q: What do interviewers want from freshers?\n\n"
        "A: What we actually test for: SQL, one deep learning framework and the basics of "
        "linear algebra. Recruiters screen for causal inference too.\n"
    )
    found = _canonical(skills.extract(document(text)))
    assert {"SQL", "linear algebra", "causal inference"} <= set(found)


def test_a_question_asking_what_to_learn_heads_the_skills_its_answers_list() -> None:
    """A thread titled 'What do I need to learn?' answers with what the job takes: each skill
    its answers name counts, as under 'Requirements'; the same names under a title that asks
    nothing of the kind need a cue of their own."""
    answer = (
        "Senior engineer here. In order:\n\n"
        "1. **Python**, done well: modules, tests, typing.\n"
        "2. **Statistics**: sampling, confidence intervals, hypothesis tests.\n"
    )
    asked = _canonical(
        skills.extract(document(f"# Career switcher: what do I need to learn?\n\n{answer}"))
    )
    assert {"Python", "statistics", "hypothesis testing"} <= set(asked)
    assert classify_heading("Which laptop should I buy?") != "skills"
    told = _canonical(skills.extract(document(f"# My first year in the job\n\n{answer}")))
    assert "statistics" not in told


def test_what_one_role_leans_on_harder_than_another_names_its_skills() -> None:
    text = (
        "# ML engineer or data scientist?\n\n"
        "ML engineers lean harder on system design and software engineering; analysts rely "
        "more on causal inference. Causal inference also made the news last week.\n"
    )
    found = set(_canonical(skills.extract(document(text))))
    assert {"system design", "software engineering", "causal inference"} <= found


def test_skills_that_came_up_in_a_share_of_briefs_are_named_by_the_page() -> None:
    doc = document(
        "# Data engineer hiring update\n\nSpark came up in 41% of the client briefs we took, "
        "Kafka in 26% and dbt in 19%.\n",
        "text/markdown",
    )
    assert [c.text for c in skills.extract(doc)] == ["Spark", "Kafka", "dbt"]


def test_a_run_of_skills_each_with_its_share_names_them_without_a_usage_word() -> None:
    doc = document(
        "# Data engineer hiring update\n\nSnowflake turned up in 48%, Kafka in 31% and "
        "Terraform in 12%.\n\nA talk compared Airflow and Flink.\n",
        "text/markdown",
    )
    assert [c.text for c in skills.extract(doc)] == ["Snowflake", "Kafka", "Terraform"]


def test_a_practice_before_jobs_of_compute_work_is_a_skill_not_a_role() -> None:
    """'distributed training jobs', 'ETL jobs' are runs of work; 'machine learning jobs' are
    roles, and name no skill."""
    doc = document(
        "# Senior data engineer\n\n## Nice to have\n\n- Ray for distributed training jobs\n"
        "- Experience with ETL jobs\n- Machine learning jobs at a startup\n",
        "text/markdown",
    )
    assert [c.text for c in skills.extract(doc)] == ["distributed training", "ETL"]


def test_a_row_of_bracketed_skill_chips_under_a_skills_heading_lists_them() -> None:
    """'[Spark] [dbt] [Snowflake]' reads as a row of buttons, but under a skills heading each
    chip names a skill; the same row elsewhere (under 'Comments') names none."""
    text = (
        "Data engineer salary guide\n\nSKILLS IN DEMAND\n  [Spark] [dbt] [Snowflake]\n\n"
        "COMMENTS\n  [Airflow] [Kafka]\n"
    )
    doc = document(text)
    assert [c.text for c in skills.extract(doc)] == ["Spark", "dbt", "Snowflake"]


def test_tools_in_brackets_after_the_writers_own_background_are_not_the_jobs() -> None:
    """'Payroll clerk here (Excel, SAP)' and 'I work in retail (Power BI, Looker)' tell what the
    asker uses now; the answers' tools are what the job takes."""
    doc = document(
        "# What should I learn to become a data engineer?\n\nPayroll clerk here (Excel, SAP). "
        "I work in retail ops too (Power BI, Looker). What should I learn first?\n\n"
        "Answer: learn SQL and Airflow before anything else.\n",
        "text/markdown",
    )
    assert [c.text for c in skills.extract(doc)] == ["SQL", "Airflow"]


def test_acts_forms_tried_where_the_cue_index_finds_their_first_words() -> None:
    """The acts forms are tried only where the page's index finds the words they open with:
    every span finds what a scan of every word finds, at its edges and across folded letters
    ('İ', 'ſ', the Kelvin sign) and word characters glued to a verb ('_deploy', '3deploy')."""
    pieces = [
        "Deploy our ranking models to production",
        "re-deploy_models",
        "3deploy models",
        "MONITOR THEM",
        "\u0130 \u017f \u212a keep models running",
        "Train, evaluate and retrain models",
        "Ship models and monitor them.",
        "É deploy models",
    ]
    text = "\n".join(pieces * 30)
    keys = skills._act_keys()
    assert keys
    for start in range(0, len(text), 37):
        for end in (start + 5, start + 60, start + 400, len(text)):
            end = min(end, len(text))
            opens = starts_in(text, start, end, keys)
            expected = find_skills(text, start, end, acts=True)
            assert find_skills(text, start, end, acts=True, opens=opens) == expected


def test_a_table_headed_by_skill_areas_lists_its_skills_in_the_other_column() -> None:
    """'Skill area | What it covers': the first column names groups ('Data stores'), the
    second the skills (it was read the other way round: groups as skills, skills as nothing)."""
    page = (
        "# What does a data engineer do?\n\n## Skills you need\n\n"
        "| Skill area | What it covers |\n|---|---|\n"
        "| Languages | Scala and SQL |\n| Data stores | PostgreSQL, Snowflake |\n"
        "| Orchestration | Airflow or Dagster |\n"
    )
    names = {
        c.text for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "skill"
    }
    assert {"Scala", "SQL", "PostgreSQL", "Snowflake", "Airflow", "Dagster"} <= names
    assert "data stores" not in {name.lower() for name in names}


def test_on_a_page_ranking_roles_a_toolkit_is_its_sections_role() -> None:
    page = document(
        "# The Highest-Paying AI Jobs in 2026, Ranked\n\n"
        "## 1. AI research scientist\n\nThey invent architectures.\n"
        "*Typical toolkit: JAX, CUDA.*\n\n"
        "## 2. Machine learning engineer\n\nThey run services.\n"
        "*Typical toolkit: Python, Kubernetes.*\n",
        "text/markdown",
    )
    owners = {c.text: c.subject for c in skills.extract(page)}
    assert owners == {
        "JAX": "artificial intelligence research scientist",
        "CUDA": "artificial intelligence research scientist",
        "Python": "machine learning engineer",
        "Kubernetes": "machine learning engineer",
    }


def test_a_database_of_records_is_a_collection_not_the_skill() -> None:
    sourced = "Salary figures come from CompTrack's database of verified U.S. job offers."
    needed = "ML engineers need SQL and a good grasp of databases."
    assert _canonical(skills.extract(document(sourced, "text/markdown"))) == []
    assert "database management" in _canonical(skills.extract(document(needed, "text/markdown")))


def test_a_row_of_core_languages_in_a_side_by_side_table_names_each_roles_skills() -> None:
    page = document(
        "# ML engineer vs data scientist\n\n| | ML engineer | Data scientist |\n|---|---|---|\n"
        "| Main goal | Models in production | Insight |\n"
        "| Core languages | Python, SQL | Python, R |\n",
        "text/markdown",
    )
    found = {(c.subject, c.text) for c in skills.extract(page)}
    assert found == {
        ("machine learning engineer", "Python"),
        ("machine learning engineer", "SQL"),
        ("data scientist", "Python"),
        ("data scientist", "R"),
    }


def test_skills_under_an_italian_or_spanish_skills_heading() -> None:
    page = (
        "# Stipendio di un data engineer\n\n## Competenze più richieste\n\nSQL compare nel 91 % "
        "degli annunci. Seguono Spark, Airflow e Snowflake.\n\n## Requisitos\n\n- Kafka\n"
        "- dbt\n"
    )
    claims = skills.extract(document(page, "text/markdown"))
    assert sorted(_canonical(claims)) == ["Airflow", "Kafka", "SQL", "Snowflake", "Spark", "dbt"]


def test_the_label_of_a_group_in_a_tree_of_skills_is_no_skill() -> None:
    """'Programming' over '- Python' / '- SQL', 'Soft skills' over '- Communication': each
    group's label heads its skills and is none itself."""
    page = (
        "<h1>How to become an ML engineer</h1><h2>Skills you need</h2><ul>"
        "<li>Programming<ul><li>Python</li><li>SQL</li></ul></li>"
        "<li>Soft skills<ul><li>Communication</li></ul></li></ul>"
    )
    doc = document(page, "text/html")
    written = [doc.text[c.char_start : c.char_end] for c in skills.extract(doc)]
    assert "Programming" not in written and "Soft skills" not in written
    assert {"Python", "SQL", "Communication"} <= set(written)


def test_an_interviewer_asking_what_a_newcomer_should_learn_first_heads_the_answers_skills() -> (
    None
):
    answer = "Python, then Spark. Mostly Spark over Flink these days. Some statistics too.\n"
    asked = _canonical(
        skills.extract(
            document(
                f"# Data careers podcast\n\n## What should a graduate learn first?\n\n{answer}"
            )
        )
    )
    assert {"Python", "Spark", "Flink", "statistics"} <= set(asked)
    assert classify_heading("What should a graduate learn first?") == "skills"


def test_a_ranked_list_led_in_as_skills_under_a_bare_heading_names_its_practices() -> None:
    """'Share of respondents who used each skill, ranked:' under '## The ranking' over
    '<li><h3>Computer vision — 35%</h3>': a practice a ranked skills list names is a skill."""
    page = (
        "<html><body><h1>Most-used tools of data teams</h1><h2>The ranking</h2>"
        "<p>Share of respondents who used each skill at work, ranked:</p><ol>"
        "<li><h3>Python — 88%</h3><p>Still first.</p></li>"
        "<li><h3>Computer vision — 35%</h3><p>Mostly in retail.</p></li></ol></body></html>"
    )
    claims, _ = extract_claims(document(page, "text/html"))
    assert {c.text for c in claims if c.kind == "skill"} >= {"Python", "computer vision"}
