//! Orbit's translations for the Rust side. The Fluent files under `i18n/locales/<lang>/` are
//! shared with the web GUI (`gui.ftl` there, `cli.ftl` here) and embedded at build time, so
//! the binary needs no files beside it. The language is the OS locale's (sys-locale: on Unix
//! `LC_ALL`, `LC_MESSAGES`, then `LANG`), overridden by `ORBIT_LANG`; English is the
//! reference and the fallback for a language or a message that is missing.
//!
//! ```
//! let text = orbit_i18n::tr!("keys-rotated", pending = 3);
//! assert!(!text.is_empty());
//! ```

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The languages Orbit speaks, English first (the reference).
pub const LANGUAGES: [&str; 5] = ["en", "de", "fr", "es", "ar"];

/// The CLI's messages per language, in [`LANGUAGES`] order.
const CLI: [&str; 5] = [
    include_str!("../locales/en/cli.ftl"),
    include_str!("../locales/de/cli.ftl"),
    include_str!("../locales/fr/cli.ftl"),
    include_str!("../locales/es/cli.ftl"),
    include_str!("../locales/ar/cli.ftl"),
];

/// The web GUI's messages per language: embedded here only so the tests can hold both sides
/// to the same rules.
#[cfg(test)]
const GUI: [&str; 5] = [
    include_str!("../locales/en/gui.ftl"),
    include_str!("../locales/de/gui.ftl"),
    include_str!("../locales/fr/gui.ftl"),
    include_str!("../locales/es/gui.ftl"),
    include_str!("../locales/ar/gui.ftl"),
];

/// The messages of one language, with English behind them.
pub struct Localizer {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    english: Option<FluentBundle<FluentResource>>,
}

fn bundle(lang: &'static str) -> FluentBundle<FluentResource> {
    let index = LANGUAGES.iter().position(|l| *l == lang).unwrap_or(0);
    let id: LanguageIdentifier = lang.parse().expect("a known language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal output: no bidi isolation marks around placeholders.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(CLI[index].to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language of `locale` (a BCP 47 tag or a POSIX locale such as `de_DE.UTF-8`) among
/// [`LANGUAGES`], if Orbit speaks it.
pub fn language_of(locale: &str) -> Option<&'static str> {
    let primary = locale
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES.into_iter().find(|l| *l == primary)
}

impl Localizer {
    /// The messages of `lang` (English if Orbit does not speak it).
    pub fn new(lang: &str) -> Localizer {
        let lang = language_of(lang).unwrap_or("en");
        Localizer {
            lang,
            bundle: bundle(lang),
            english: (lang != "en").then(|| bundle("en")),
        }
    }

    /// The messages of the user's language: `ORBIT_LANG`, else the OS locale.
    pub fn from_environment() -> Localizer {
        let wanted = std::env::var("ORBIT_LANG")
            .ok()
            .filter(|l| !l.is_empty())
            .or_else(sys_locale::get_locale)
            .unwrap_or_default();
        Localizer::new(&wanted)
    }

    /// The language in use.
    pub fn language(&self) -> &'static str {
        self.lang
    }

    /// Message `id` with `args`; English if this language lacks it, the id itself if no
    /// language has it (a bug the tests catch, never a panic at a user's terminal).
    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for bundle in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

/// The process's localizer ([`Localizer::from_environment`], chosen once).
pub fn localizer() -> &'static Localizer {
    static LOCALIZER: OnceLock<Localizer> = OnceLock::new();
    LOCALIZER.get_or_init(Localizer::from_environment)
}

/// A message in the user's language: `tr!("id")` or `tr!("id", name = value, …)`, where each
/// value is a string or a number.
#[macro_export]
macro_rules! tr {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::localizer().format($id, &[$((stringify!($name), $crate::FluentValue::from($value))),*])
    };
}

pub use fluent_bundle::FluentValue;

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::resolver::ResolverError;
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("parses");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_file_parses_and_every_language_has_every_message() {
        for (kind, files) in [("cli", CLI), ("gui", GUI)] {
            let english = ids(files[0]);
            assert!(!english.is_empty());
            for (lang, source) in LANGUAGES.iter().zip(files) {
                let here = ids(source);
                let missing: Vec<_> = english.difference(&here).collect();
                let extra: Vec<_> = here.difference(&english).collect();
                assert!(missing.is_empty(), "{lang}/{kind}.ftl lacks {missing:?}");
                assert!(
                    extra.is_empty(),
                    "{lang}/{kind}.ftl has ids English lacks: {extra:?}"
                );
            }
        }
    }

    #[test]
    fn every_cli_message_formats_without_errors_in_every_language() {
        let sample = [
            ("count", FluentValue::from(2)),
            ("pending", FluentValue::from(2)),
            ("done", FluentValue::from(1)),
            ("entries", FluentValue::from(3)),
        ];
        for lang in LANGUAGES {
            let b = bundle(lang);
            for id in ids(CLI[0]) {
                let pattern = b
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .expect("has a value");
                let mut args = FluentArgs::new();
                for (name, value) in &sample {
                    args.set(*name, value.clone());
                }
                // Every other variable a message uses gets a string.
                let mut errors = Vec::new();
                b.format_pattern(pattern, Some(&args), &mut errors);
                for e in errors {
                    if let fluent_bundle::FluentError::ResolverError(ResolverError::Reference(_)) =
                        e
                    {
                        continue;
                    }
                    panic!("{lang}: {id}: {e:?}");
                }
            }
        }
    }

    #[test]
    fn the_language_follows_the_locale_and_falls_back_to_english() {
        assert_eq!(language_of("de_DE.UTF-8"), Some("de"));
        assert_eq!(language_of("fr-CA"), Some("fr"));
        assert_eq!(language_of("C"), None);
        assert_eq!(Localizer::new("pt_BR").language(), "en");
        let de = Localizer::new("de");
        let en = Localizer::new("en");
        assert_ne!(
            de.format("error-prefix", &[]),
            en.format("error-prefix", &[])
        );
        assert_eq!(de.format("no-such-message", &[]), "no-such-message");
        let rotated = de.format("keys-rotated", &[("pending", FluentValue::from(5))]);
        assert!(rotated.contains('5'), "{rotated}");
    }
}
