//! Whether a serde parse skipped a field that the model does not have.
//!
//! The model's structs do not deny unknown fields: serde reads such a field's value as `IgnoredAny` and
//! says nothing. The loader reports every unknown field with its position, which needs the text index
//! (a tree of the whole text, which costs more than half a parse). Watching the parse for a skipped field
//! lets a file that has none, the usual case, be opened without building that index at all.
//!
//! [`Watching`] wraps the deserializer handed to the model, and everything it hands on in turn (visitors,
//! the sequence, map and enum accesses, and the seeds of their elements), so that every nested value is
//! read through the wrapper too. A struct skipping an unknown field asks the wrapper for
//! `deserialize_ignored_any`, which raises the flag; every other call is passed on unchanged, so the
//! parse, its result and its errors are those of the bare deserializer.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

/// A seed that deserializes a `T` and raises `ignored` when any struct inside it skips a field.
pub(crate) struct Watching<'f, T> {
    ignored: &'f Cell<bool>,
    value: PhantomData<T>,
}

impl<'f, T> Watching<'f, T> {
    pub(crate) fn new(ignored: &'f Cell<bool>) -> Watching<'f, T> {
        Watching { ignored, value: PhantomData }
    }
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for Watching<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(Watch { inner: deserializer, ignored: self.ignored })
    }
}

/// One wrapped part of the parse: a deserializer, a visitor, an access or a seed.
struct Watch<'f, X> {
    inner: X,
    ignored: &'f Cell<bool>,
}

impl<'f, X> Watch<'f, X> {
    /// Wraps another part with the same flag.
    fn wrap<Y>(&self, inner: Y) -> Watch<'f, Y> {
        Watch { inner, ignored: self.ignored }
    }
}

/// Deserializer methods that take only a visitor.
macro_rules! pass_visitor {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            let visitor = self.wrap(visitor);
            self.inner.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Watch<'_, D> {
    type Error = D::Error;

    pass_visitor!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, length: usize, visitor: V) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_tuple(length, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        length: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_tuple_struct(name, length, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_enum(name, variants, visitor)
    }

    /// What a struct asks for when it skips a field it does not know.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.ignored.set(true);
        self.inner.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Visitor methods that take one plain value.
macro_rules! pass_value {
    ($($method:ident($type:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, value: $type) -> Result<Self::Value, E> {
            self.inner.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Watch<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    pass_value!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, sequence: A) -> Result<V::Value, A::Error> {
        let sequence = self.wrap(sequence);
        self.inner.visit_seq(sequence)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let map = self.wrap(map);
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let data = self.wrap(data);
        self.inner.visit_enum(data)
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Watch<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.deserialize(deserializer)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Watch<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_element_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Watch<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, 'f, A: EnumAccess<'de>> EnumAccess<'de> for Watch<'f, A> {
    type Error = A::Error;
    type Variant = Watch<'f, A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        let ignored = self.ignored;
        let (value, variant) = self.inner.variant_seed(Watch { inner: seed, ignored })?;
        Ok((value, Watch { inner: variant, ignored }))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Watch<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.newtype_variant_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, length: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.tuple_variant(length, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.struct_variant(fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::io::load::parse_options;
    use crate::io::text_index::{NodeRef, TextIndex};
    use crate::model::Scenario;

    /// Parses `text` into a scenario through the watcher: (parsed, a field was skipped).
    fn watched(text: &str) -> (bool, bool) {
        let ignored = Cell::new(false);
        let parsed = parse_options().from_str_seed(text, Watching::<Scenario>::new(&ignored));
        (parsed.is_ok(), ignored.get())
    }

    /// The byte offset just inside the opening bracket of every struct the text writes, one per kind of
    /// place (`actors[].memberships[]`, `story[].shock`, ...), found by walking the text index.
    fn struct_openings(text: &str) -> Vec<(String, usize)> {
        let index = TextIndex::build(text);
        let mut places = BTreeSet::new();
        let mut found = Vec::new();
        let mut stack: Vec<(NodeRef<'_>, String)> =
            index.root().into_iter().map(|root| (root, String::new())).collect();
        while let Some((node, place)) = stack.pop() {
            if node.is_struct() && places.insert(place.clone()) {
                let bracket = node.text().find('(').expect("a struct has an opening bracket");
                found.push((place.clone(), node.span().start + bracket + 1));
            }
            stack.extend(node.items().map(|item| (item, format!("{place}[]"))));
            stack.extend(node.entries().map(|(_, _, value)| (value, format!("{place}[]"))));
            stack.extend(node.fields().map(|(name, _, value)| (value, format!("{place}.{name}"))));
        }
        found
    }

    #[test]
    fn a_skipped_field_is_noticed_in_every_kind_of_struct_of_the_bundled_scenarios() {
        let mut places = BTreeSet::new();
        for bundled in crate::library::BUNDLED {
            let text = bundled.text;
            assert_eq!(watched(text), (true, false), "{}: nothing is skipped in the file as it is", bundled.file_name);
            for (place, opening) in struct_openings(text) {
                let with_unknown = format!("{}unknown_field: (a: [1, 2]), {}", &text[..opening], &text[opening..]);
                assert_eq!(watched(&with_unknown), (true, true), "{}: an unknown field at {place}", bundled.file_name);
                places.insert(place);
            }
        }
        // The walk reached the nested structs, not only the records.
        for place in ["", ".actors[]", ".actors[].memberships[]", ".routes[].waypoints[]", ".votes[].totals"] {
            assert!(places.contains(place), "{place} in {places:?}");
        }
    }

    #[test]
    fn the_watched_parse_gives_the_same_scenario_and_errors_as_the_bare_one() {
        let text = crate::library::BUNDLED_SCENARIO;
        let ignored = Cell::new(false);
        let watched: Scenario = parse_options().from_str_seed(text, Watching::new(&ignored)).unwrap();
        assert_eq!(watched, parse_options().from_str::<Scenario>(text).unwrap());
        let broken = text.replacen("kind: State", "kind: Stat", 1);
        let watched_error = parse_options().from_str_seed(&broken, Watching::<Scenario>::new(&ignored)).unwrap_err();
        assert_eq!(watched_error, parse_options().from_str::<Scenario>(&broken).unwrap_err());
    }
}
