//! The claim graph: claims are nodes, and an edge says how two claims'
//! counts relate and how strongly. petgraph stays behind this type, so the
//! rest of the crate (and the JSON contract) does not depend on it.

use petgraph::graph::{NodeIndex, UnGraph};

use super::Link;

/// A stored link, with its direction (petgraph's undirected edges do not
/// keep one).
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: usize,
    to: usize,
    link: Link,
}

/// Claims (by index into the claim list) and the links between them.
#[derive(Debug, Clone, Default)]
pub struct ClaimGraph {
    graph: UnGraph<usize, Edge>,
    /// The node of each claim (date claims have none).
    node: Vec<Option<NodeIndex>>,
}

impl ClaimGraph {
    /// A graph over `n` claims with no nodes yet.
    pub(super) fn with_claims(n: usize) -> ClaimGraph {
        ClaimGraph {
            graph: UnGraph::with_capacity(n, n),
            node: vec![None; n],
        }
    }

    pub(super) fn add_claim(&mut self, claim: usize) {
        if self.node[claim].is_none() {
            self.node[claim] = Some(self.graph.add_node(claim));
        }
    }

    /// Links `a` to `b`; `link` reads from `a` to `b` ("a is part of b").
    pub(super) fn add_link(&mut self, a: usize, b: usize, link: Link) {
        if let (Some(x), Some(y)) = (self.node[a], self.node[b]) {
            self.graph.add_edge(
                x,
                y,
                Edge {
                    from: a,
                    to: b,
                    link,
                },
            );
        }
    }

    /// Is the claim a node (count claims are, date claims are not)?
    pub fn contains(&self, claim: usize) -> bool {
        self.node.get(claim).is_some_and(Option::is_some)
    }

    pub fn claim_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn link_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every link as (from, to, link), in the order they were added.
    pub fn links(&self) -> impl Iterator<Item = (usize, usize, &Link)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.weight().from, e.weight().to, &e.weight().link))
    }

    /// The links of one claim as (other claim, link read from this claim).
    pub fn links_of(&self, claim: usize) -> Vec<(usize, Link)> {
        let Some(n) = self.node.get(claim).copied().flatten() else {
            return Vec::new();
        };
        let mut out: Vec<(usize, Link)> = self
            .graph
            .edges(n)
            .map(|e| {
                let Edge { from, to, link } = *e.weight();
                if from == claim {
                    (to, link)
                } else {
                    (from, link.reversed())
                }
            })
            .collect();
        out.sort_by_key(|(c, _)| *c);
        out
    }
}
