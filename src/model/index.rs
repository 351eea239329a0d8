//! Index newtypes: a position in one array that cannot be taken for a position in
//! another (a mention's for an entity's, a gazetteer entry's for either).

/// Declares `pub struct $name(pub usize)`, an index into slices of `$of` only:
/// `items[$name(i)]` reads the item, and no other index type does.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident => $of:ty) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub usize);

        impl std::ops::Index<$name> for [$of] {
            type Output = $of;
            fn index(&self, i: $name) -> &$of {
                &self[i.0]
            }
        }

        impl std::ops::IndexMut<$name> for [$of] {
            fn index_mut(&mut self, i: $name) -> &mut $of {
                &mut self[i.0]
            }
        }

        // a Vec is indexed through its own impl, not its slice's
        impl std::ops::Index<$name> for Vec<$of> {
            type Output = $of;
            fn index(&self, i: $name) -> &$of {
                &self[i.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$of> {
            fn index_mut(&mut self, i: $name) -> &mut $of {
                &mut self[i.0]
            }
        }
    };
}

pub(crate) use index_type;
