//! Record ids: ULIDs, so ids sort by creation time and inserts append to the end of the
//! key range instead of scattering across B-tree pages.

/// A new time-ordered record id: 26 characters of Crockford base32, lexicographically
/// increasing with creation time (monotonic within a millisecond in this process).
pub fn new_id() -> String {
    static GENERATOR: std::sync::Mutex<ulid::Generator> =
        std::sync::Mutex::new(ulid::Generator::new());
    let mut generator = GENERATOR.lock().expect("ulid generator lock");
    // Overflow needs 2^80 ids in one millisecond; fall back to a fresh random ULID then.
    generator
        .generate()
        .unwrap_or_else(|_| ulid::Ulid::new())
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_increase() {
        let ids: Vec<String> = (0..1000).map(|_| super::new_id()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(ids[0].len(), 26);
    }
}
