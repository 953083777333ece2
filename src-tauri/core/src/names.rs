//! Matching a typed team or domain name to the existing ones. Similarity is
//! a floating-point score: names only, never money.

/// Up to three existing names that look like `typed`: the same letters and
/// digits ignoring case, spaces and punctuation first, then the most similar.
pub fn closest_names(typed: &str, existing: &[String]) -> Vec<String> {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let typed_letters = letters(typed);
    let mut scored: Vec<(f64, &String)> = existing
        .iter()
        .map(|e| {
            let same = letters(e) == typed_letters;
            (if same { 2.0 } else { strsim::jaro_winkler(&typed.to_lowercase(), &e.to_lowercase()) }, e)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, e)| e.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_is_matched_to_the_closest_existing_ones() {
        let teams: Vec<String> = ["checkout-team", "bedroom-team", "checkout-api", "payments"].map(String::from).to_vec();
        assert_eq!(closest_names("checkout team", &teams)[0], "checkout-team");
        assert_eq!(closest_names("Checkout_Team", &teams)[0], "checkout-team");
        assert!(closest_names("bedrom-team", &teams).contains(&"bedroom-team".to_string()));
        assert_eq!(closest_names("warehouse", &teams), Vec::<String>::new());
    }
}
