//! The layer order of `src/lib.rs`, checked: every `crate::` path in `src/**/*.rs`
//! (`use` lines and paths in code alike, test code included) must name a module on a
//! lower layer than the file's own module. Comments and string literals do not count.
//! `super::` paths are not read: they stay inside a module's folder (no file climbs past
//! its own top module; the check below fails on a `super::super`).

use crate::util::root;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Module → layer, from the table in `src/lib.rs`'s module comment.
fn layers(lib_rs: &str) -> Result<BTreeMap<String, usize>, String> {
    let mut out = BTreeMap::new();
    let mut in_table = false;
    for line in lib_rs.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            continue;
        };
        let cells: Vec<&str> = doc.split('|').map(str::trim).collect();
        if cells.first() == Some(&"layer") {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        let (Some(layer), Some(modules)) = (cells.first(), cells.get(1)) else {
            break;
        };
        let Ok(layer) = layer.parse::<usize>() else {
            break;
        };
        for m in modules.split_whitespace() {
            if out.insert(m.to_string(), layer).is_some() {
                return Err(format!("module {m} stands twice in the layer table"));
            }
        }
    }
    if out.is_empty() {
        return Err("src/lib.rs has no layer table (a `//! layer | modules | …` block)".into());
    }
    Ok(out)
}

/// The source without comments, string literals and char literals (each replaced by a
/// space), so that only code is searched for paths.
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            out.push(' ');
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&b, i) {
            // raw string: r"…", r#"…"#
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < b.len() {
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' {
            // a char literal ('x', '\n', '\u{1F600}'), or a lifetime ('a), kept as code
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(' ');
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (is_ident(b[i - 1]) || b[i - 1] == '$')
}

/// The top-level modules each `crate::` path of the code names, with the path as written
/// (for the message): `crate::graph::ActorGraph` names `graph`; `crate::{a::X, b}` names
/// `a` and `b`.
fn crate_paths(code: &str) -> Vec<(String, String)> {
    let b: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let needle: Vec<char> = "crate::".chars().collect();
    let mut i = 0;
    while i + needle.len() <= b.len() {
        if b[i..i + needle.len()] != needle[..] || ident_before(&b, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + needle.len();
        let first_ident = |j: usize| -> String {
            let mut k = j;
            while k < b.len() && b[k].is_whitespace() {
                k += 1;
            }
            b[k..].iter().take_while(|c| is_ident(**c)).collect()
        };
        if b.get(j) == Some(&'{') {
            // a group: the first name of each top-level item
            let mut depth = 0;
            let mut item_start = j + 1;
            while j < b.len() {
                match b[j] {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let m = first_ident(item_start);
                        if !m.is_empty() {
                            let text: String = b[start..=j].iter().collect();
                            out.push((m, squash(&text)));
                        }
                        item_start = j + 1;
                        if b[j] == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
        } else {
            let m = first_ident(j);
            let text: String = b[start..]
                .iter()
                .take_while(|c| is_ident(**c) || **c == ':')
                .collect();
            if !m.is_empty() {
                out.push((m, text));
            }
        }
        i = start + needle.len();
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The top-level module a file of `src/` belongs to (None for lib.rs, main.rs and the
/// other binaries in src/bin/, which use the library from outside, as `actorgraph::`).
fn module_of(path: &str) -> Option<String> {
    let rest = path.strip_prefix("src/")?;
    if rest == "lib.rs" || rest == "main.rs" || rest.starts_with("bin/") {
        return None;
    }
    let first = rest.split('/').next()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// Every import that breaks the layer order, as "FILE: `PATH` …" lines.
fn check(layers: &BTreeMap<String, usize>, files: &[(String, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (path, src) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        let Some(&own) = layers.get(&module) else {
            bad.push(format!(
                "{path}: module {module} is not in the layer table of src/lib.rs"
            ));
            continue;
        };
        let code = code_only(src);
        if code.contains("super::super") {
            bad.push(format!(
                "{path}: `super::super` climbs out of its module; name it with crate::"
            ));
        }
        for (used, text) in crate_paths(&code) {
            if used == module {
                continue;
            }
            match layers.get(&used) {
                None => bad.push(format!(
                    "{path}: `{text}` names {used}, which is not in the layer table"
                )),
                Some(&layer) if layer >= own => bad.push(format!(
                    "{path}: `{text}` imports {used} (layer {layer}) into {module} (layer {own}): a module uses only lower layers"
                )),
                Some(_) => {}
            }
        }
    }
    bad
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_imports_one_above_it() {
    let root = root();
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let layers = layers(&lib).unwrap();
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    assert!(files.len() > 40, "too few files read: {}", files.len());
    let bad = check(&layers, &files);
    assert!(
        bad.is_empty(),
        "the layer order is broken:\n{}",
        bad.join("\n")
    );
    // and every module lib.rs declares has its layer
    for line in lib.lines() {
        if let Some(m) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        {
            let m = m.trim_end_matches(';');
            assert!(
                layers.contains_key(m),
                "src/lib.rs declares {m}, which has no layer"
            );
        }
    }
}

const TABLE: &str = "//! layer | modules | what\n//! 2 | graph | g\n//! 1 | text export | t\n//! 0 | model | m\n//! ```\n";

fn one(path: &str, src: &str) -> Vec<String> {
    check(
        &layers(TABLE).unwrap(),
        &[(path.to_string(), src.to_string())],
    )
}

#[test]
fn the_checker_reads_the_table() {
    let l = layers(TABLE).unwrap();
    assert_eq!(l["graph"], 2);
    assert_eq!((l["text"], l["export"], l["model"]), (1, 1, 0));
    assert!(layers("//! nothing here").is_err());
}

#[test]
fn the_checker_names_the_file_and_the_import_that_goes_up() {
    assert_eq!(
        one("src/model/names.rs", "use crate::graph::ActorGraph;\n"),
        vec!["src/model/names.rs: `crate::graph::ActorGraph` imports graph (layer 2) into model (layer 0): a module uses only lower layers"]
    );
    // a path in code, not only in `use`; and a module on the same layer
    let bad = one("src/text/mod.rs", "fn f() { crate::export::write(); }");
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].starts_with("src/text/mod.rs: `crate::export::write` imports export (layer 1)"),
        "{bad:?}"
    );
    // downward and inside the module are fine
    assert!(one(
        "src/graph/select.rs",
        "use crate::model::X; use crate::graph::Y;"
    )
    .is_empty());
}

#[test]
fn the_checker_reads_groups_and_skips_comments_and_strings() {
    let bad = one(
        "src/text/tokens.rs",
        "use crate::{\n    model::{A, B},\n    graph::C,\n};\n",
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("imports graph"), "{bad:?}");
    let quiet = "// crate::graph\n/* crate::graph /* nested */ crate::graph */\nlet s = \"crate::graph\";\nlet r = r#\"crate::graph\"#;\nlet c = '\"'; let d = '\\''; fn f<'a>(x: &'a str) {}\nmacro_rules! m { () => { $crate::graph::X } }\n";
    assert!(
        one("src/model/mod.rs", quiet).is_empty(),
        "{:?}",
        one("src/model/mod.rs", quiet)
    );
}

#[test]
fn the_checker_refuses_modules_without_a_layer() {
    let bad = one("src/report/mod.rs", "");
    assert_eq!(
        bad,
        vec!["src/report/mod.rs: module report is not in the layer table of src/lib.rs"]
    );
    let bad = one("src/graph/mod.rs", "use crate::report::X;");
    assert!(
        bad[0].contains("names report, which is not in the layer table"),
        "{bad:?}"
    );
    assert!(one("src/graph/a/b.rs", "use super::super::X;")[0].contains("super::super"));
}
