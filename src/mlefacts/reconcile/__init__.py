"""Reconcile: conflicts between and within sources, one preferred value per fact, and consensus.

    from mlefacts.reconcile.stage import reconcile

    result = reconcile(claims, sources)
    result.conflicts  # conflict_id, kind, subject, attribute, n_claims, values, ...
    result.conflict_claims  # one row per claim of each conflict, with the value it compares
    result.facts      # one row per (subject, attribute, qualifier_key)
    result.fact_claims  # one row per claim: its fact, rank and the reason it is not preferred
    result.consensus  # skill and responsibility groups: how many sources and claims name each
    result.consensus_claims  # one row per claim: its consensus group

Pure pandas: claims are matched by keys (groupby/merge), never pairwise, and every output is
sorted with ids derived from content, so the same claims give the same tables. Claims that no
check compares can reconcile apart (`parts`): a run does so in parts of bounded size.

The package itself imports nothing, so that its pandas-free modules (`config`, `names`) load
without pandas: settings and the read commands (`mlefacts conflicts`) use them.
"""
