//! The closed label sets the analysis speaks in: the 17 universal part-of-speech tags
//! (UPOS) and the UD dependency relations with the English subtypes EWT uses. Both are
//! enums so that the relation extractor can `match` on them; the model file stores labels
//! by name, so reordering these lists never breaks a model.

macro_rules! label_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            /// Every value, in declaration order (`ALL[v as usize] == v`).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The label as CoNLL-U writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),*
                }
            }

            /// The value written `text` in CoNLL-U, if it is one of ours.
            pub fn from_label(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }

            pub(crate) fn from_index(i: usize) -> Option<$name> {
                Self::ALL.get(i).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

label_enum! {
    /// Universal part-of-speech tag (<https://universaldependencies.org/u/pos/>).
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON",
        Propn = "PROPN", Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
}

label_enum! {
    /// Universal dependency relation, with the subtypes of English
    /// (<https://universaldependencies.org/en/dep/>). Older names of two subtypes
    /// (`nmod:npmod`, `obl:npmod`, `nmod:tmod`, `obl:tmod`) are read as their current
    /// `…:unmarked` forms by [`Deprel::parse`].
    Deprel {
        Root = "root", Punct = "punct", Case = "case", Nsubj = "nsubj", Det = "det",
        Advmod = "advmod", Obj = "obj", Amod = "amod", Obl = "obl", Conj = "conj",
        Compound = "compound", Mark = "mark", Nmod = "nmod", Cc = "cc", Aux = "aux",
        Cop = "cop", Advcl = "advcl", NmodPoss = "nmod:poss", Xcomp = "xcomp",
        Ccomp = "ccomp", AclRelcl = "acl:relcl", Flat = "flat", Parataxis = "parataxis",
        Nummod = "nummod", Appos = "appos", Acl = "acl", AuxPass = "aux:pass",
        NsubjPass = "nsubj:pass", OblUnmarked = "obl:unmarked", NmodUnmarked = "nmod:unmarked",
        Discourse = "discourse", CompoundPrt = "compound:prt", Iobj = "iobj", List = "list",
        Expl = "expl", Fixed = "fixed", NmodDesc = "nmod:desc", OblAgent = "obl:agent",
        Csubj = "csubj", NsubjOuter = "nsubj:outer", DetPredet = "det:predet",
        Vocative = "vocative", Goeswith = "goeswith", AdvclRelcl = "advcl:relcl",
        CcPreconj = "cc:preconj", Reparandum = "reparandum", Orphan = "orphan",
        CsubjPass = "csubj:pass", Dislocated = "dislocated", Dep = "dep",
        CsubjOuter = "csubj:outer", Clf = "clf", FlatForeign = "flat:foreign",
        OblLmod = "obl:lmod", NmodTmod = "nmod:tmod",
    }
}

impl Deprel {
    /// Reads any UD label: ours as they are, a retired subtype as its current name, an
    /// unknown subtype as its universal relation, anything else as `dep`.
    pub fn parse(text: &str) -> Deprel {
        if let Some(d) = Deprel::from_label(text) {
            return d;
        }
        match text {
            "nmod:npmod" => return Deprel::NmodUnmarked,
            "obl:npmod" | "obl:tmod" => return Deprel::OblUnmarked,
            _ => {}
        }
        let base = text.split(':').next().unwrap_or(text);
        Deprel::from_label(base).unwrap_or(Deprel::Dep)
    }

    /// The universal relation without its subtype (`nsubj` for `nsubj:pass`).
    pub fn universal(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_subtypes_fall_back() {
        for &d in Deprel::ALL {
            assert_eq!(Deprel::from_label(d.as_str()), Some(d));
            assert_eq!(Deprel::from_index(d as usize), Some(d));
        }
        for &u in Upos::ALL {
            assert_eq!(Upos::from_label(u.as_str()), Some(u));
        }
        assert_eq!(Deprel::parse("obl:tmod"), Deprel::OblUnmarked);
        assert_eq!(Deprel::parse("nsubj:xsubj"), Deprel::Nsubj);
        assert_eq!(Deprel::parse("bogus"), Deprel::Dep);
        assert_eq!(Deprel::NsubjPass.universal(), "nsubj");
        assert_eq!(Upos::from_label("NOUNX"), None);
    }
}
