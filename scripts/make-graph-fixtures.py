#!/usr/bin/python3
"""Writes the known-answer fixtures of the graph engine (test/fixtures/graphs/).

Run with Debian's python3 and python3-networkx (2.8.8):
    /usr/bin/python3 scripts/make-graph-fixtures.py
For each of networkx's bundled graphs (Zachary's karate club, Les Misérables, the
Florentine families) it writes NAME.tsv (source<TAB>target<TAB>weight; weight 1 when the
graph has none) and NAME.expected.json with networkx's values. The tests compare with
these within 1e-6 and never run python.
"""
import json
import os
import networkx as nx

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "graphs")
GRAPHS = {
    "karate": nx.karate_club_graph,
    "lesmis": nx.les_miserables_graph,
    "florentine": nx.florentine_families_graph,
}
SEEDS = [0, 1, 2, 3, 42]

for name, make in GRAPHS.items():
    g = nx.Graph(make())
    for u, v, d in g.edges(data=True):
        d["weight"] = float(d.get("weight", 1))
    with open(os.path.join(OUT, f"{name}.tsv"), "w") as f:
        f.write(f"# {name} from networkx {nx.__version__}: source, target, weight\n")
        for u, v, d in g.edges(data=True):
            f.write(f"{u}\t{v}\t{d['weight']:g}\n")
    key = lambda values: {str(k): v for k, v in values.items()}
    louvain = {}
    for seed in SEEDS:
        parts = nx.community.louvain_communities(g, weight="weight", resolution=1, seed=seed)
        louvain[str(seed)] = nx.community.modularity(g, parts, weight="weight", resolution=1)
    expected = {
        "networkx": nx.__version__,
        "n": g.number_of_nodes(),
        "m": g.number_of_edges(),
        "degree": key(dict(g.degree())),
        "strength": key(dict(g.degree(weight="weight"))),
        "pagerank": key(nx.pagerank(g, alpha=0.85, tol=1e-6, weight="weight")),
        "betweenness": key(nx.betweenness_centrality(g, normalized=False, weight=None)),
        "constraint": key(nx.constraint(g, weight="weight")),
        "effective_size": key(nx.effective_size(g, weight="weight")),
        "core_number": key(nx.core_number(g)),
        "louvain_modularity_by_seed": louvain,
    }
    with open(os.path.join(OUT, f"{name}.expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(name, expected["n"], expected["m"], louvain)
