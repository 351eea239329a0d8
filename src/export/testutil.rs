//! Test helpers shared by the exporters' tests: a hostile sample graph, a small XML tree
//! read with quick-xml's reader, and unescaping for the DOT and Cypher literals.

use crate::graph::ActorGraph;
use crate::model::{
    Actor, DocumentInfo, EntityType, Evidence, OfficeStatus, Relation, RelationKind,
};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Names no exporter may break on: quotes, backslashes, newlines, XML and HTML syntax,
/// DOT keywords, CSV and Cypher syntax, a control character, right-to-left override,
/// a zero-width space, and what would end an HTML `<script>`.
pub const HOSTILE: &[&str] = &[
    "Ann \"Q\" <Lee>",
    "back\\slash\\",
    "two\nlines\r\nand\rcr",
    "x]]>&amp;<b>bold</b>",
    "node",
    "graph",
    "subgraph",
    "<b>html</b>",
    "semi;colon, comma \"quoted\"",
    "O'Brien // not /* a */ comment",
    "bell\u{7}char",
    "rtl\u{202E}txet",
    "zero\u{200B}width",
    "\ttabbed  spaces ",
    "",
    "Владимир Путин 🎉",
    "</script><script>alert(1)</script>",
    "<!-- not a comment --> </SCRIPT >",
    // letters XML 1.0 (fifth edition) allows in names but libxml2's schema check does not
    "\u{1C4}emal \u{1C5}ukić x\u{B2}",
    "\u{1D400}\u{1D401} \u{FF21}\u{FF22}\u{FF23}",
    "\u{13A0}\u{13A1} \u{A997}\u{A9AE}",
    // cells a spreadsheet would run
    "=HYPERLINK(\"http://example.com\",\"x\")",
    "+1-2",
    "@SUM(A1:A2)",
    "-cmd|' /C calc'!A0",
];

fn actor(id: &str, name: &str, kind: EntityType) -> Actor {
    Actor {
        ids: Default::default(),
        id: id.into(),
        name: name.into(),
        kind,
        aliases: vec![],
        titles: vec![],
        mentions: 1,
        documents: 1,
        first_seen: Some("2024-05-07".into()),
        last_seen: Some("2024-05-08".into()),
    }
}

fn relation(kind: RelationKind, verb: &str, date: Option<&str>, evidence: &[&str]) -> Relation {
    Relation {
        mode: Default::default(),
        relation: kind,
        verb: verb.into(),
        date: date.map(Into::into),
        confidence: 0.85,
        role: None,
        status: None,
        evidence: evidence
            .iter()
            .enumerate()
            .map(|(i, t)| Evidence {
                date: None,
                reported_by: None,
                doc: if i % 2 == 0 { "seed" } else { "doc;2, \"b\"" }.into(),
                sentence: Evidence::offset(i * 2 + 1),
                start: Evidence::offset(i * 100),
                end: Evidence::offset(i * 100 + t.chars().count()),
                text: (*t).into(),
            })
            .collect(),
        first_seen: date.map(Into::into),
        last_seen: date.map(Into::into),
    }
}

/// A small graph with every hostile name as an actor, plus realistic relations between
/// them (HOLDS_OFFICE with role and status, CONSULT with two pieces of evidence, one
/// undated relation, a bad date).
pub fn hostile_graph() -> ActorGraph {
    let mut g = ActorGraph::new();
    g.add_document(DocumentInfo {
        id: "seed".into(),
        date: Some("2024-05-08".into()),
        title: Some("Title with \"quotes\" & <tags>".into()),
        url: Some("https://example.com/a b?c=\"d\"".into()),
    });
    g.add_document(DocumentInfo {
        id: "doc;2, \"b\"".into(),
        date: None,
        title: None,
        // an address no page may turn into a link
        url: Some("javascript:alert(document.domain)".into()),
    });
    for (i, name) in HOSTILE.iter().enumerate() {
        let kind = EntityType::ALL[i % EntityType::ALL.len()];
        let mut a = actor(&format!("h{i}"), name, kind);
        a.aliases = vec![format!("{name} alias;1"), "al,2\n".into()];
        a.titles = vec![format!("title {name}")];
        g.insert_actor(a);
    }
    // ids as the graph makes them from such names (slugs keep every letter)
    for name in [
        "\u{1C4}emal \u{1C5}ukić",
        "\u{FF21}\u{FF22} \u{1D400}",
        "\u{13A0}\u{13A1}",
    ] {
        g.insert_actor(actor(&crate::model::slug(name), name, EntityType::Person));
    }
    // an id that is not a slug, to exercise id encoding
    let mut odd = actor("odd id/\"x\"\u{7}", "Odd Id", EntityType::Person);
    odd.first_seen = None;
    odd.last_seen = None;
    g.insert_actor(odd);
    let mut office = relation(
        RelationKind::HoldsOffice,
        "Prime Minister",
        Some("2024-05-08"),
        &["former Prime Minister Ann \"Q\" <Lee> said; \"no\"."],
    );
    office.role = Some("Prime Minister".into());
    office.status = Some(OfficeStatus::Former);
    g.insert_relation("h0", "h1", office);
    g.insert_relation(
        "h0",
        "h2",
        relation(
            RelationKind::Consult,
            "met with",
            Some("2024-05-07"),
            &[
                "Ann met \\two\\ lines.",
                "They met again\nlater; O'Brien // said.",
            ],
        ),
    );
    g.insert_relation(
        "h2",
        "h0",
        relation(
            RelationKind::Accuse,
            "accused",
            None,
            &["x]]> accused <b>."],
        ),
    );
    g.insert_relation(
        "h3",
        "odd id/\"x\"\u{7}",
        relation(
            RelationKind::Request,
            "urged",
            Some("2024-13-45"),
            &["bell\u{7} rtl\u{202E}."],
        ),
    );
    for (i, name) in HOSTILE.iter().enumerate().skip(4) {
        g.insert_relation(
            &format!("h{i}"),
            &format!("h{}", (i + 1) % HOSTILE.len()),
            relation(
                RelationKind::ALL[i % RelationKind::ALL.len()],
                name,
                Some("2024-05-08"),
                &[name],
            ),
        );
    }
    g
}

/// An XML element as read back by quick-xml: name with prefix, attributes unescaped,
/// text content unescaped (character and predefined entity references resolved).
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn first(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn start(e: &quick_xml::events::BytesStart) -> Element {
    let name = String::from_utf8(e.name().as_ref().to_vec()).expect("utf-8 name");
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            (
                String::from_utf8(a.key.as_ref().to_vec()).expect("utf-8 key"),
                a.unescape_value()
                    .expect("attribute unescapes")
                    .into_owned(),
            )
        })
        .collect();
    Element {
        name,
        attrs,
        ..Element::default()
    }
}

/// Parses a whole XML document into its root element; panics on malformed XML.
pub fn parse_xml(bytes: &[u8]) -> Element {
    let text = std::str::from_utf8(bytes).expect("XML output is UTF-8");
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => {
                let el = start(&e);
                stack.last_mut().expect("parent").children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().expect("open element");
                stack.last_mut().expect("parent").children.push(el);
            }
            Event::Text(t) => {
                let s = t.decode().expect("utf-8 text");
                stack.last_mut().expect("element").text.push_str(&s);
            }
            Event::CData(t) => {
                let s = t.decode().expect("utf-8 cdata");
                stack.last_mut().expect("element").text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .expect("valid char ref")
                        .expect("char ref")
                        .to_string()
                } else {
                    match r.decode().expect("utf-8 ref").as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity &{other};"),
                    }
                };
                stack.last_mut().expect("element").text.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().expect("document");
    assert_eq!(doc.children.len(), 1, "exactly one root element");
    doc.children.remove(0)
}

/// The value of a quoted DOT string as Graphviz reads it as a label (escString):
/// `\"` → `"`, `\\` → `\`, `\n` → newline.
pub fn dot_unquote(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .expect("a quoted DOT string");
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => panic!("dangling backslash in {quoted:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What a name looks like after DOT's documented replacements.
pub fn dot_expected(s: &str) -> String {
    crate::export::xml_safe(&s.replace("\r\n", "\n").replace('\r', "\n")).into_owned()
}

/// The names of every `name: '…'` entry in a Cypher script, unescaped the way Neo4j and
/// FalkorDB read Cypher string literals. Also checks that every quote is closed.
pub fn cypher_names(script: &str) -> Vec<String> {
    let mut names = Vec::new();
    let chars: Vec<char> = script.chars().collect();
    let mut i = 0;
    let mut last_ident = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' || c == '"' {
            let q = c;
            i += 1;
            let mut lit = String::new();
            loop {
                let c = *chars.get(i).expect("unterminated string literal");
                i += 1;
                if c == '\\' {
                    let e = *chars.get(i).expect("dangling backslash");
                    i += 1;
                    lit.push(match e {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        other => other,
                    });
                } else if c == q {
                    break;
                } else {
                    lit.push(c);
                }
            }
            if last_ident == "name:" {
                names.push(lit);
            }
            last_ident.clear();
        } else if script_starts(&chars, i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_whitespace() {
            i += 1;
        } else {
            if c == '{' || c == ',' {
                last_ident.clear();
            } else {
                last_ident.push(c);
            }
            i += 1;
        }
    }
    names
}

fn script_starts(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(i + k) == Some(&p))
}

/// A realistic graph in the shape of the seed article: people, a country, a party, a
/// government body, a facility, a place, a news outlet; offices with role and status,
/// static relations, dated interactions, one with two pieces of evidence.
pub fn realistic_graph() -> ActorGraph {
    let mut g = ActorGraph::new();
    for (id, date, title) in [
        ("seed", "2024-05-08", "US envoy meets opposition leaders"),
        (
            "followup",
            "2024-05-10",
            "State Department comments on Khan",
        ),
    ] {
        g.add_document(DocumentInfo {
            id: id.into(),
            date: Some(date.into()),
            title: Some(title.into()),
            url: Some(format!("https://news.example/{id}").into()),
        });
    }
    // id, name, type, aliases, titles
    type Row<'a> = (&'a str, &'a str, EntityType, &'a [&'a str], &'a [&'a str]);
    let actors: &[Row] = &[
        (
            "imran-khan",
            "Imran Khan",
            EntityType::Person,
            &["Khan"],
            &["former Prime Minister"],
        ),
        ("pakistan", "Pakistan", EntityType::Country, &[], &[]),
        (
            "pakistan-tehreek-e-insaf",
            "Pakistan Tehreek-e-Insaf",
            EntityType::PoliticalParty,
            &["PTI"],
            &[],
        ),
        (
            "donald-blome",
            "Donald Blome",
            EntityType::Person,
            &["Blome"],
            &["US Ambassador"],
        ),
        (
            "united-states",
            "United States",
            EntityType::Country,
            &["U.S.", "US"],
            &[],
        ),
        (
            "us-state-department",
            "US State Department",
            EntityType::GovernmentBody,
            &["State Department"],
            &[],
        ),
        (
            "matthew-miller",
            "Matthew Miller",
            EntityType::Person,
            &["Miller"],
            &["State Department spokesperson"],
        ),
        (
            "omar-ayub-khan",
            "Omar Ayub Khan",
            EntityType::Person,
            &["Omar"],
            &["Opposition Leader"],
        ),
        ("adiala-jail", "Adiala jail", EntityType::Facility, &[], &[]),
        ("rawalpindi", "Rawalpindi", EntityType::Place, &[], &[]),
        ("dawn-news", "Dawn News", EntityType::Media, &["Dawn"], &[]),
        (
            "united-nations",
            "United Nations",
            EntityType::Organization,
            &["UN"],
            &[],
        ),
    ];
    for (id, name, kind, aliases, titles) in actors {
        g.insert_actor(Actor {
            ids: Default::default(),
            id: (*id).into(),
            name: (*name).into(),
            kind: *kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: titles.iter().map(|s| s.to_string()).collect(),
            mentions: 3,
            documents: 1,
            first_seen: Some("2024-05-08".into()),
            last_seen: Some(
                if *id == "imran-khan" {
                    "2024-05-10"
                } else {
                    "2024-05-08"
                }
                .into(),
            ),
        });
    }
    let ev = |doc: &str, sentence: u32, text: &str| Evidence {
        date: None,
        reported_by: None,
        doc: doc.into(),
        sentence,
        start: sentence * 120,
        end: sentence * 120 + Evidence::offset(text.chars().count()),
        text: text.into(),
    };
    let rel = |kind, verb: &str, date: Option<&str>, conf: f64, evidence: Vec<Evidence>| Relation {
        mode: Default::default(),
        relation: kind,
        verb: verb.into(),
        date: date.map(Into::into),
        confidence: conf,
        role: None,
        status: None,
        evidence,
        first_seen: date.map(Into::into),
        last_seen: date.map(Into::into),
    };
    let office = |verb: &str, role: &str, status, text: &str, s| {
        let mut r = rel(
            RelationKind::HoldsOffice,
            verb,
            Some("2024-05-08"),
            0.9,
            vec![ev("seed", s, text)],
        );
        r.role = Some(role.into());
        r.status = Some(status);
        r
    };
    g.insert_relation(
        "imran-khan",
        "pakistan",
        office(
            "former Prime Minister",
            "Prime Minister",
            OfficeStatus::Former,
            "Former Prime Minister Imran Khan has been in jail since August.",
            2,
        ),
    );
    g.insert_relation(
        "donald-blome",
        "united-states",
        office(
            "US Ambassador",
            "Ambassador",
            OfficeStatus::Current,
            "US Ambassador Donald Blome met opposition leaders.",
            1,
        ),
    );
    g.insert_relation(
        "matthew-miller",
        "us-state-department",
        office(
            "State Department spokesperson",
            "spokesperson",
            OfficeStatus::Current,
            "State Department spokesperson Matthew Miller said the US wants Khan treated fairly.",
            5,
        ),
    );
    g.insert_relation(
        "imran-khan",
        "pakistan-tehreek-e-insaf",
        rel(
            RelationKind::Leads,
            "founder",
            Some("2024-05-08"),
            0.8,
            vec![ev("seed", 3, "Khan, the PTI founder, remains popular.")],
        ),
    );
    g.insert_relation(
        "omar-ayub-khan",
        "pakistan-tehreek-e-insaf",
        rel(
            RelationKind::MemberOf,
            "senior PTI leader",
            Some("2024-05-08"),
            0.75,
            vec![ev("seed", 4, "Senior PTI leader Omar Ayub Khan attended.")],
        ),
    );
    g.insert_relation(
        "us-state-department",
        "united-states",
        rel(
            RelationKind::PartOf,
            "US State Department",
            None,
            0.7,
            vec![ev(
                "followup",
                0,
                "The US State Department issued a statement.",
            )],
        ),
    );
    g.insert_relation(
        "adiala-jail",
        "rawalpindi",
        rel(
            RelationKind::LocatedIn,
            "Rawalpindi's",
            None,
            0.85,
            vec![ev("seed", 2, "He is held in Rawalpindi's Adiala jail.")],
        ),
    );
    g.insert_relation(
        "rawalpindi",
        "pakistan",
        rel(
            RelationKind::LocatedIn,
            "in",
            None,
            0.6,
            vec![ev("seed", 2, "Rawalpindi, Pakistan.")],
        ),
    );
    g.insert_relation(
        "imran-khan",
        "adiala-jail",
        rel(
            RelationKind::DetainedIn,
            "held in",
            Some("2024-05-08"),
            0.9,
            vec![ev("seed", 2, "He is held in Rawalpindi's Adiala jail.")],
        ),
    );
    g.insert_relation(
        "donald-blome",
        "omar-ayub-khan",
        rel(
            RelationKind::Consult,
            "met with",
            Some("2024-05-07"),
            0.9,
            vec![
                ev("seed", 11, "Blome met with Omar and others."),
                ev(
                    "followup",
                    4,
                    "Blome's meeting with Omar Ayub Khan on Tuesday drew comment.",
                ),
            ],
        ),
    );
    g.insert_relation(
        "matthew-miller",
        "imran-khan",
        rel(
            RelationKind::Support,
            "voiced concern for the safety of",
            Some("2024-05-09"),
            0.7,
            vec![ev(
                "followup",
                2,
                "Miller voiced concern for the safety of Khan.",
            )],
        ),
    );
    g.insert_relation(
        "pakistan-tehreek-e-insaf",
        "united-states",
        rel(
            RelationKind::Accuse,
            "accused",
            Some("2022-04-10"),
            0.65,
            vec![ev(
                "seed",
                7,
                "The PTI accused the US of backing his ouster.",
            )],
        ),
    );
    g.insert_relation(
        "united-nations",
        "pakistan",
        rel(
            RelationKind::Request,
            "urged",
            Some("2024-05-10"),
            0.6,
            vec![ev(
                "followup",
                6,
                "The UN urged Pakistan to respect due process.",
            )],
        ),
    );
    g.insert_relation(
        "dawn-news",
        "imran-khan",
        rel(
            RelationKind::Consult,
            "interviewed",
            Some("2024-05-06"),
            0.5,
            vec![ev("seed", 9, "Dawn News interviewed Khan's lawyers.")],
        ),
    );
    g
}
