//! `declare_rule!`: a rule's doc comment becomes its docs, and `file!()` its file.
//!
//! ```text
//! declare_rule! {
//!     /// ## What it flags
//!     /// …
//!     pub static URL_SHORTENED = Rule { id: "url-shortened", family: Family::Url, … };
//! }
//! ```
//! expands to a plain `pub static URL_SHORTENED: Rule = Rule { …, docs: "<doc lines>", file: file!() };`.

#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub static $name:ident = Rule { $($field:ident : $value:expr),+ $(,)? };
    ) => {
        $(#[doc = $doc])+
        pub static $name: $crate::rules::Rule = $crate::rules::Rule {
            $($field: $value,)+
            docs: concat!($($doc, "\n"),+),
            file: file!(),
        };
    };
}
