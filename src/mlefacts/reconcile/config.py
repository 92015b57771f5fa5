"""Every tolerance and threshold the reconcile stage uses, in one documented, frozen object.

Relative differences are fractions (0.05 = 5%); growth-rate differences are percentage points
(pp); breakdown sums are percentage points away from 100. Override any field from the
`[reconcile]` table of a settings file, `MLEFACTS_RECONCILE_*` or `mlefacts.run(...)`
(`mlefacts.settings`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReconcileConfig:
    """Tolerances for deciding when claims disagree, and how badly."""

    value_tolerance: float = 0.05
    """Two sources' values of the same quantity agree when (max - min) / min is at most this
    (5% absorbs rounding such as '$12 billion' vs '$11,987.6 million')."""

    value_error: float = 0.25
    """Above this relative difference a cross-source disagreement is an 'error'; between
    `value_tolerance` and this it is a 'warning'."""

    forecast_tolerance: float = 0.10
    """A source's figure projected with its own growth rate to another source's target year
    agrees with that source's figure when |projected - stated| / stated is at most this.
    Looser than `value_tolerance` because compounding magnifies rounding of the rate."""

    forecast_error: float = 0.50
    """Above this relative difference a forecast divergence is an 'error', else a 'warning'.
    Market-research forecasts routinely differ by tens of percent, so only a gap this large
    marks one of them as untrustworthy."""

    forecast_named_sources: int = 5
    """A forecast divergence names (and lists the claims of) every source stating the target
    year's figure when they are at most this many; beyond that it gives their number and median
    and lists the claims of the source(s) at the median, so each conflict stays small however
    many articles forecast the same market (listing all of them would grow with sources x
    sources)."""

    conflict_named_sources: int = 6
    """A cross-source value or qualitative disagreement shows every source (its value in
    `values`, its name in `detail`) when they are at most this many. Beyond that a value
    conflict shows the half with the lowest values and the half with the highest and gives the
    number and median of the rest; a qualitative one gives the lists of the first sources by id
    and how many sources name each item. So a conflict's row stays small however many articles
    state the quantity (at 100,000 generated articles the 2,041 salary conflicts of one subject
    were 130.6 MB of strings, up to ~3,900 claims in one); `conflict_claims` lists every claim."""

    sure_sides_for_error: int = 2
    """Severity weighs how sure each side of a disagreement between sources is. A side (one
    source's figure) is sure when the article attributes it to a named origin (`attributed_to`,
    such as a research firm) and the figure's subject was read from its own sentence (its
    `context` is null, where the claims have that column: a table caption or header gave it
    meaning). A cross-source or forecast disagreement is an 'error' only when at least this many
    of its sides are sure; otherwise it is at most a 'warning', and its sentence says which
    side is not sure and why. 0 turns the rule off."""

    cagr_tolerance_pp: float = 1.0
    """A source's stated growth rate agrees with the rate implied by its own base and target
    values when they are at most this many percentage points apart."""

    cagr_error_pp: float = 5.0
    """Above this many percentage points an internal growth mismatch is an 'error', else a
    'warning'."""

    breakdown_tolerance_pp: float = 2.0
    """Shares of a complete breakdown may sum to 100 +/- this (rounding of each share)."""

    breakdown_error_pp: float = 5.0
    """A complete breakdown further than this from 100 is an 'error', else a 'warning'. A partial
    (top-N) breakdown summing above 100 + `breakdown_tolerance_pp` is always an 'error'."""

    theme_threshold: float = 90.0
    """rapidfuzz token_set_ratio (0-100) a responsibility must reach against a theme keyword for
    the keyword to count as matched; the theme with most matched keywords wins."""

    qualitative_categories: tuple[str, ...] = ("language", "degree")
    """Values of qualifiers.category_of_skill whose lists sources are expected to agree on;
    differences are reported as 'qualitative_disagreement' conflicts (severity 'info')."""

    identifying_qualifiers: tuple[str, ...] = (
        "region",
        "country",
        "city",
        "statistic",
        "experience_level",
        "company",
        "category",
        "dimension",
        "pay_period",
        "component",
        "period_start",
        "period_end",
        "compared_with",
    )
    """Qualifier keys that make two claims statements about different quantities; together with
    subject, attribute, year and unit they form the key claims are matched and merged on."""

    growth_attributes: tuple[str, ...] = ("cagr", "annual_growth")
    """Attributes that are compound annual growth rates (percent); a source's rate for a market
    is used to project its figures and is checked against its own figures. For these (and for
    'demand_growth') period_start/period_end identify the quantity; for values with a year they
    do not ('$40B by 2025, growing 49.7% 2017-2025' is the 2025 value)."""

    period_attributes: tuple[str, ...] = (
        "cagr",
        "annual_growth",
        "demand_growth",
        "growth_multiple",
    )
    """Attributes measured over a period, whose period_start/period_end are identifying."""

    projected_attributes: tuple[str, ...] = ("market_size",)
    """Attributes whose values in different years are made comparable by compounding a source's
    own growth rate (forecast_divergence, internal_arithmetic)."""

    def severity_rule(self) -> str:
        """The severity rule in one sentence, as `mlefacts conflicts` shows it."""
        sure = (
            f"a disagreement between sources is an error only when {self.sure_sides_for_error} "
            "of its sides are sure (attributed to a named origin, subject read from the "
            "figure's own sentence), else at most a warning"
            if self.sure_sides_for_error
            else "how sure each side is does not change severity"
        )
        return (
            f"severity: values more than {self.value_error:.0%} apart (forecasts "
            f"{self.forecast_error:.0%}, growth rates {self.cagr_error_pp:g} pp) are errors, "
            f"beyond tolerance warnings; {sure}; a projection outside the period its growth rate "
            "was stated for is info"
        )


DEFAULT_CONFIG = ReconcileConfig()
