//! Sets of byte ranges kept sorted and disjoint, so that "does this token
//! touch any of them" is a binary search rather than a scan: a check asks it
//! once per word, and a long article can hold thousands of ranges.

use std::ops::Range;

/// Byte ranges sorted by start with touching and overlapping ones merged.
#[derive(Debug, Default, Clone)]
pub struct RangeSet {
    ranges: Vec<Range<usize>>,
}

impl RangeSet {
    /// Builds the set from ranges in any order.
    pub fn new(mut ranges: Vec<Range<usize>>) -> Self {
        ranges.sort_by_key(|r| r.start);
        Self {
            ranges: merge_sorted(ranges),
        }
    }

    /// Whether `range` shares at least one byte with the set.
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        let i = self.ranges.partition_point(|r| r.end <= range.start);
        self.ranges
            .get(i)
            .is_some_and(|r| r.start < range.end && range.start < r.end)
    }

    /// The merged ranges, in order.
    pub fn into_vec(self) -> Vec<Range<usize>> {
        self.ranges
    }
}

/// Ranges already sorted by start, with touching and overlapping ones merged.
fn merge_sorted(sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_found_whatever_the_order_the_ranges_came_in() {
        let set = RangeSet::new(vec![20..25, 0..3, 2..6, 10..12]);
        assert_eq!(set.clone().into_vec(), vec![0..6, 10..12, 20..25]);
        assert!(set.overlaps(&(5..8)));
        assert!(set.overlaps(&(11..11 + 1)));
        assert!(set.overlaps(&(24..30)));
        assert!(!set.overlaps(&(6..10)));
        assert!(!set.overlaps(&(12..20)));
        assert!(!set.overlaps(&(25..40)));
        assert!(!RangeSet::default().overlaps(&(0..1)));
    }

    #[test]
    fn touching_ranges_merge_but_do_not_overlap_their_neighbour() {
        assert_eq!(merge_sorted(vec![0..2, 2..4, 6..7]), vec![0..4, 6..7]);
        assert!(!RangeSet::new(vec![0..2, 2..4]).overlaps(&(4..6)));
    }
}
