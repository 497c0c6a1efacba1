//! Closed vocabularies (enumerations written as words in files) shared by the model and the profile.

/// Defines an enum whose variants are written as fixed words in JSON and CSV.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word that stands for this value in files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $word ),+ }
            }

            /// The value a word stands for (exact match, after trimming spaces).
            #[must_use]
            pub fn from_word(word: &str) -> Option<$name> {
                let word = word.trim();
                $name::ALL.iter().copied().find(|v| v.as_str() == word)
            }

            /// The accepted words, comma separated, for error messages.
            #[must_use]
            pub fn words() -> String {
                $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Reads the word, in NFC or not (a file in decomposed Unicode still names its types).
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let word = std::borrow::Cow::<str>::deserialize(d)?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == word)
                    .or_else(|| $name::from_word(&crate::io::nfc(&word)))
                    .ok_or_else(|| serde::de::Error::unknown_variant(&word, &[$($word),+]))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use word_enum;
