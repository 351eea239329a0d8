//! Helpers: a fresh temporary directory per test and the binary under test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, content).expect("write");
        p
    }

    pub fn read_json(&self, name: &str) -> serde_json::Value {
        read_json(&self.path(name))
    }
}

pub fn read_json(p: &Path) -> serde_json::Value {
    let text =
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()))
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("running actorgraph")
}

/// Asserts the exit code and shows stderr when it differs.
#[macro_export]
macro_rules! assert_exit {
    ($out:expr, $code:expr) => {{
        let out = &$out;
        assert_eq!(
            out.status.code(),
            Some($code),
            "exit code; stderr:\n{}\nstdout:\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
    }};
}

/// (source name, relation, target name) of every link in a node-link JSON graph.
pub fn triples(g: &serde_json::Value) -> Vec<(String, String, String)> {
    // by id, so that a graph of 10,000 actors is not searched once per link
    let names: std::collections::HashMap<String, &str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].to_string(), n["name"].as_str().unwrap()))
        .collect();
    let name = |id: &serde_json::Value| {
        names
            .get(&id.to_string())
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    g["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                name(&l["source"]),
                l["relation"].as_str().unwrap().to_string(),
                name(&l["target"]),
            )
        })
        .collect()
}

pub fn has(g: &serde_json::Value, s: &str, r: &str, o: &str) -> bool {
    triples(g)
        .iter()
        .any(|(a, b, c)| a == s && b == r && c == o)
}
