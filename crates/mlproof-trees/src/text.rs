//! Trees as indented rules (for people) and as Graphviz DOT (for pictures).

use crate::cart::Tree;
use crate::id3::{Id3Split, Id3Tree};

/// How to name a node's content: feature names, each categorical feature's levels (empty
/// for numeric ones), and class names.
pub struct Names<'a> {
    pub features: &'a [String],
    pub levels: &'a [Vec<String>],
    pub classes: &'a [String],
}

fn leaf_text(counts: &[f64], classes: &[String]) -> String {
    let best = (0..counts.len()).fold(0, |b, k| if counts[k] > counts[b] { k } else { b });
    let parts: Vec<String> = counts.iter().map(|c| format!("{c}")).collect();
    format!(
        "class {} [{}]",
        classes.get(best).map_or("?", String::as_str),
        parts.join("/")
    )
}

fn threshold(t: f64) -> String {
    let s = format!("{t:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// CART rules, one line per node: `if feature <= t:` / `else:` / leaf class and counts.
pub fn cart_rules(tree: &Tree, names: &Names) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(0usize, 0usize, None::<String>)];
    while let Some((id, indent, label)) = stack.pop() {
        let pad = "  ".repeat(indent);
        if let Some(l) = label {
            out.push(format!("{pad}{l}"));
        }
        let node = &tree.nodes[id];
        match node.split {
            None => out.push(format!(
                "{pad}  → {}",
                leaf_text(&node.value, names.classes)
            )),
            Some(s) => {
                let f = &names.features[s.feature];
                let t = threshold(s.threshold);
                stack.push((s.right, indent + 1, Some(format!("{f} > {t}:"))));
                stack.push((s.left, indent + 1, Some(format!("{f} <= {t}:"))));
            }
        }
    }
    out
}

/// ID3 rules: one branch per level of a categorical split.
pub fn id3_rules(tree: &Id3Tree, names: &Names) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(0usize, 0usize, None::<String>)];
    while let Some((id, indent, label)) = stack.pop() {
        let pad = "  ".repeat(indent);
        if let Some(l) = label {
            out.push(format!("{pad}{l}"));
        }
        let node = &tree.nodes[id];
        let counts: Vec<f64> = node.counts.iter().map(|&c| c as f64).collect();
        match &node.split {
            None => out.push(format!("{pad}  → {}", leaf_text(&counts, names.classes))),
            Some(Id3Split::Threshold {
                feature,
                threshold: t,
                left,
                right,
            }) => {
                let f = &names.features[*feature];
                stack.push((
                    *right,
                    indent + 1,
                    Some(format!("{f} > {}:", threshold(*t))),
                ));
                stack.push((
                    *left,
                    indent + 1,
                    Some(format!("{f} <= {}:", threshold(*t))),
                ));
            }
            Some(Id3Split::Levels { feature, children }) => {
                let f = &names.features[*feature];
                for (code, &child) in children.iter().enumerate().rev() {
                    if tree.nodes[child].counts.iter().sum::<usize>() > 0 {
                        let level = names.levels[*feature].get(code).map_or("?", String::as_str);
                        stack.push((child, indent + 1, Some(format!("{f} = {level}:"))));
                    }
                }
            }
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Graphviz DOT of a CART tree.
pub fn cart_dot(tree: &Tree, names: &Names) -> String {
    let mut out = String::from("digraph cart {\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (id, node) in tree.nodes.iter().enumerate() {
        let label = match node.split {
            Some(s) => format!(
                "{} <= {}",
                names.features[s.feature],
                threshold(s.threshold)
            ),
            None => leaf_text(&node.value, names.classes),
        };
        out.push_str(&format!("  n{id} [label=\"{}\"];\n", escape(&label)));
        if let Some(s) = node.split {
            out.push_str(&format!(
                "  n{id} -> n{} [label=\"yes\"];\n  n{id} -> n{} [label=\"no\"];\n",
                s.left, s.right
            ));
        }
    }
    out.push_str("}\n");
    out
}

/// Graphviz DOT of an ID3 tree.
pub fn id3_dot(tree: &Id3Tree, names: &Names) -> String {
    let mut out = String::from("digraph id3 {\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (id, node) in tree.nodes.iter().enumerate() {
        let counts: Vec<f64> = node.counts.iter().map(|&c| c as f64).collect();
        let label = match &node.split {
            Some(Id3Split::Levels { feature, .. }) => names.features[*feature].clone(),
            Some(Id3Split::Threshold {
                feature,
                threshold: t,
                ..
            }) => {
                format!("{} <= {}", names.features[*feature], threshold(*t))
            }
            None => leaf_text(&counts, names.classes),
        };
        out.push_str(&format!("  n{id} [label=\"{}\"];\n", escape(&label)));
        match &node.split {
            Some(Id3Split::Levels { feature, children }) => {
                for (code, &c) in children.iter().enumerate() {
                    if tree.nodes[c].counts.iter().sum::<usize>() > 0 {
                        let level = names.levels[*feature].get(code).map_or("?", String::as_str);
                        out.push_str(&format!("  n{id} -> n{c} [label=\"{}\"];\n", escape(level)));
                    }
                }
            }
            Some(Id3Split::Threshold { left, right, .. }) => {
                out.push_str(&format!(
                    "  n{id} -> n{left} [label=\"yes\"];\n  n{id} -> n{right} [label=\"no\"];\n"
                ));
            }
            None => {}
        }
    }
    out.push_str("}\n");
    out
}
