//! The summary statistics the reports print.

/// The `p`-th percentile (0–100) of sorted `values` by the nearest-rank method, which
/// always answers a value that occurred.
pub fn percentile(sorted: &[i64], p: u32) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1);
    sorted
        .get(usize::try_from(rank - 1).ok()?)
        .map(|value| *value as f64)
}

/// The median: the middle value, or the mean of the two middle ones.
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let values: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&values, 90), Some(9.0));
        assert_eq!(percentile(&values, 100), Some(10.0));
        assert_eq!(percentile(&[4], 90), Some(4.0));
        assert_eq!(percentile(&[], 90), None);
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
        assert_eq!(median(&[1, 2, 10]), Some(2.0));
    }
}
