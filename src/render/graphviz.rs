//! The Graphviz engine: writes a DOT file meant only for layout, runs the installed
//! `dot` program (`-Kdot` for small graphs, `-Ksfdp`, or `-Kneato` when sfdp is
//! missing, for large ones) with `-Tjson0`, and reads node centres, edge splines,
//! arrow tips and edge-label positions back into a [`Layout`]. `svg.rs` then draws
//! the picture, legend and caption included, exactly as for the built-in engine.
//!
//! Node sizes are measured with the shipped font and given to Graphviz as fixed sizes,
//! so the outlines it clips edges against are the ones drawn. Graphviz measures edge
//! labels itself, with `fontname="DejaVu Sans"`. Anything Graphviz prints on stderr is
//! handed back as a note: our DOT is meant to produce none.
//!
//! The programs are run with `std::process::Command` rather than graphviz-rust's
//! `exec`, because `exec` discards stderr when the exit status is 0, and warnings are
//! exactly what must not be lost.

use super::layout::{make_room_for_arrow, EdgeGeom, Layout, Point};
use super::scene::Scene;
use super::style;
use super::RenderNote;
use serde_json::Value;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Above this many nodes `dot`'s layered layout gets very wide and slow; use sfdp.
pub(crate) const DOT_MAX_NODES: usize = 60;

/// Finds an executable called `name` in the directories of `path` (a PATH value).
pub(crate) fn find_program(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file() || p.with_extension("exe").is_file()
}

/// A DOT quoted string: backslashes and quotes escaped, so Graphviz's own escapes
/// (`\N`, `\l`, …) in names stay literal text.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn inches(px: f64) -> String {
    format!("{:.4}", px / 72.0)
}

/// The DOT given to Graphviz for layout (not for drawing: labels on nodes are empty,
/// the nodes have the measured size).
pub(crate) fn layout_dot(scene: &Scene, layered: bool) -> String {
    let mut out = String::from("digraph actors {\n");
    if layered {
        out.push_str("  graph [rankdir=TB, nodesep=0.25, ranksep=0.5, splines=true, pad=0];\n");
    } else {
        out.push_str("  graph [overlap=false, sep=\"+10\", splines=false, pad=0];\n");
    }
    out.push_str("  node [fixedsize=true, label=\"\"];\n");
    let _ = writeln!(
        out,
        "  edge [fontname={}, fontsize={}];",
        quote(style::FONT_FAMILY),
        style::EDGE_FONT
    );
    for (i, n) in scene.nodes.iter().enumerate() {
        let (shape, _) = n.shape.graphviz();
        let _ = writeln!(
            out,
            "  n{i} [shape={shape}, width={}, height={}];",
            inches(n.w),
            inches(n.h)
        );
    }
    for (i, e) in scene.edges.iter().enumerate() {
        let _ = write!(
            out,
            "  n{} -> n{} [id=\"e{i}\", arrowsize={:.2}",
            e.source,
            e.target,
            style::arrow_len(e.weight) / 10.0
        );
        if !e.label.is_empty() {
            let _ = write!(out, ", label={}", quote(&e.label));
        }
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out
}

/// The longest a Graphviz layout may take. Pictures are capped (actors, relations,
/// label lengths) so that a layout takes seconds; this bounds whatever else could make
/// Graphviz run long. With the automatic engine, the built-in layout takes over.
pub(crate) const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `program -K<layout> -Tjson0` on `dot`; returns stdout and stderr. A run longer
/// than `limit` is killed.
fn run(
    program: &Path,
    layout: &str,
    dot: &str,
    limit: std::time::Duration,
) -> Result<(Vec<u8>, String), String> {
    use std::io::Read;
    let mut child = Command::new(program)
        .arg(format!("-K{layout}"))
        .arg("-Tjson0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let started = std::time::Instant::now();
    // stdin is written and the outputs read on other threads, so that none of the pipes
    // can block the others, and this thread can stop the program when it runs too long
    let (wrote, status, out, err) = std::thread::scope(|s| {
        let w = s.spawn(move || match stdin {
            Some(mut stdin) => stdin.write_all(dot.as_bytes()),
            None => Ok(()),
        });
        let o = s.spawn(move || {
            let mut v = Vec::new();
            if let Some(r) = stdout.as_mut() {
                let _ = r.read_to_end(&mut v);
            }
            v
        });
        let e = s.spawn(move || {
            let mut v = Vec::new();
            if let Some(r) = stderr.as_mut() {
                let _ = r.read_to_end(&mut v);
            }
            v
        });
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if started.elapsed() > limit => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!(
                        "{} -K{layout} took longer than {:?} and was stopped",
                        program.display(),
                        limit
                    ));
                }
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
                Err(e) => break Err(format!("{} failed: {e}", program.display())),
            }
        };
        (
            w.join(),
            status,
            o.join().unwrap_or_default(),
            e.join().unwrap_or_default(),
        )
    });
    let status = status?;
    let stderr = String::from_utf8_lossy(&err).trim().to_string();
    if !status.success() {
        return Err(format!(
            "{} -K{layout} failed ({}): {}",
            program.display(),
            status,
            if stderr.is_empty() {
                "no message"
            } else {
                &stderr
            }
        ));
    }
    if let Ok(Err(e)) = wrote {
        return Err(format!("writing to {}: {e}", program.display()));
    }
    Ok((out, stderr))
}

fn parse_point(s: &str) -> Option<Point> {
    let mut it = s.split(',');
    let x = it.next()?.trim().parse().ok()?;
    let y = it.next()?.trim().parse().ok()?;
    Some(Point::new(x, y))
}

/// Reads Graphviz's `-Tjson0` output (y grows up there; it grows down here).
fn parse_layout(json: &[u8], scene: &Scene) -> Result<Layout, String> {
    let v: Value =
        serde_json::from_slice(json).map_err(|e| format!("unreadable Graphviz output: {e}"))?;
    let bb: Vec<f64> = v["bb"]
        .as_str()
        .unwrap_or("0,0,0,0")
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect();
    let top = bb.get(3).copied().unwrap_or(0.0);
    let flip = |p: Point| Point::new(p.x, top - p.y);

    let mut nodes = vec![None; scene.nodes.len()];
    for o in v["objects"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let Some(i) = o["name"]
            .as_str()
            .and_then(|n| n.strip_prefix('n'))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        if let (Some(slot), Some(p)) = (nodes.get_mut(i), o["pos"].as_str().and_then(parse_point)) {
            *slot = Some(flip(p));
        }
    }
    let nodes = nodes
        .into_iter()
        .enumerate()
        .map(|(i, p)| p.ok_or_else(|| format!("Graphviz did not place node {i}")))
        .collect::<Result<Vec<_>, _>>()?;

    let mut edges: Vec<Option<EdgeGeom>> = vec![None; scene.edges.len()];
    for e in v["edges"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let Some(i) = e["id"]
            .as_str()
            .and_then(|n| n.strip_prefix('e'))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        let Some(spec) = scene.edges.get(i) else {
            continue;
        };
        let mut path = Vec::new();
        let mut tip = None;
        for tok in e["pos"].as_str().unwrap_or("").split_whitespace() {
            if let Some(t) = tok.strip_prefix("e,") {
                tip = parse_point(t).map(flip);
            } else if tok.starts_with("s,") {
                continue;
            } else if let Some(p) = parse_point(tok) {
                path.push(flip(p));
            }
        }
        if path.len() < 2 {
            // No route given: a straight line between the centres.
            let (a, b) = (nodes[spec.source], nodes[spec.target]);
            path = vec![a, a, b, b];
            tip = None;
        }
        let (path, tip) = match tip {
            Some(t) => (path, t),
            None => make_room_for_arrow(path, style::arrow_len(spec.weight)),
        };
        let label = if spec.label.is_empty() {
            None
        } else {
            e["lp"].as_str().and_then(parse_point).map(flip)
        };
        edges[i] = Some(EdgeGeom { path, tip, label });
    }
    let edges = edges
        .into_iter()
        .enumerate()
        .map(|(i, g)| g.ok_or_else(|| format!("Graphviz did not route edge {i}")))
        .collect::<Result<Vec<_>, _>>()?;

    let mut out = Layout {
        width: 0.0,
        height: 0.0,
        nodes,
        edges,
    };
    let mut extent: Vec<(Point, f64, f64)> = scene
        .nodes
        .iter()
        .zip(&out.nodes)
        .map(|(n, &p)| (p, n.w, n.h + 8.0))
        .collect();
    for (e, g) in scene.edges.iter().zip(&out.edges) {
        if let Some(p) = g.label {
            extent.push((p, e.label_w + 6.0, e.label_h + 4.0));
        }
    }
    out.normalise(&extent);
    Ok(out)
}

/// Lays the scene out with Graphviz found on `path`. Returns the layout, the name of
/// the layout program used, and whatever Graphviz printed on stderr.
pub(crate) fn layout(
    scene: &Scene,
    path: Option<&OsStr>,
) -> Result<(Layout, &'static str, Vec<RenderNote>), String> {
    let dot = find_program("dot", path).ok_or("Graphviz's dot program is not on PATH")?;
    let layered = scene.nodes.len() <= DOT_MAX_NODES;
    let text = layout_dot(scene, layered);
    let attempts: &[(&'static str, &'static str)] = if layered {
        &[("dot", "graphviz dot")]
    } else {
        &[("sfdp", "graphviz sfdp"), ("neato", "graphviz neato")]
    };
    let mut last_err = String::new();
    for &(engine, name) in attempts {
        match run(&dot, engine, &text, TIME_LIMIT) {
            Ok((json, stderr)) => {
                let layout = parse_layout(&json, scene)?;
                let notes = stderr
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| RenderNote::GraphvizSaid {
                        engine,
                        line: l.trim().to_string(),
                    })
                    .collect();
                return Ok((layout, name, notes));
            }
            Err(e) => last_err = e,
        }
    }
    Err(last_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_graphviz_escapes_literal() {
        assert_eq!(quote(r#"A "B" \N"#), r#""A \"B\" \\N""#);
        assert_eq!(quote("a\nb"), "\"a b\"");
    }

    #[cfg(unix)]
    #[test]
    fn a_layout_that_runs_too_long_is_stopped() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("dot");
        // reads nothing and never answers, like a layout that runs away
        std::fs::write(&fake, "#!/bin/sh\nexec sleep 60\n").unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let started = std::time::Instant::now();
        let limit = std::time::Duration::from_millis(300);
        let e = run(&fake, "dot", "digraph { a -> b }", limit).unwrap_err();
        assert!(
            e.contains("-Kdot took longer than 300ms and was stopped"),
            "{e}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
        // a program that answers in time is read whole
        std::fs::write(&fake, "#!/bin/sh\ncat\n").unwrap();
        let (out, _) = run(&fake, "dot", "digraph { a -> b }", limit * 10).unwrap();
        assert_eq!(out, b"digraph { a -> b }");
    }

    #[test]
    fn find_program_needs_an_executable_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find_program("dot", Some(dir.path().as_os_str())).is_none());
        assert!(find_program("dot", None).is_none());
        let fake = dir.path().join("dot");
        std::fs::write(&fake, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert!(find_program("dot", Some(dir.path().as_os_str())).is_none());
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(
            find_program("dot", Some(dir.path().as_os_str())),
            Some(fake)
        );
    }

    #[test]
    fn spline_points_parse() {
        assert_eq!(parse_point("1.5,2"), Some(Point::new(1.5, 2.0)));
        assert_eq!(parse_point("x"), None);
    }
}
