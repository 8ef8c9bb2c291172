//! Which segments the writer merges: small ones only, a few at a time, so that one merge never
//! reads more index than the writer's memory budget, whatever the size of the folder.
//!
//! tantivy's default policy merges segments of similar document counts level after level: on a
//! large folder it merges segments that are themselves merges, and the memory of one merge (its
//! working memory and the pages of the segments it reads) grows with the folder. Here a segment
//! larger than half of [`MAX_MERGE_INPUT`] is never merged again, and a merge takes the smallest
//! segments whose sizes add up to at most [`MAX_MERGE_INPUT`].

use std::path::{Path, PathBuf};

use tantivy::index::{SegmentComponent, SegmentId, SegmentMeta};
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// Most bytes of index that one merge reads.
const MAX_MERGE_INPUT: u64 = 192 << 20;
/// Fewest segments worth one merge.
const MIN_MERGE_SEGMENTS: usize = 4;

/// Merges small segments of the index in `dir` (see the module documentation).
#[derive(Debug, Clone)]
pub(super) struct BoundedMerges {
    dir: PathBuf,
}

impl BoundedMerges {
    /// The policy for the index in `dir`.
    pub(super) fn new(dir: &Path) -> BoundedMerges {
        BoundedMerges {
            dir: dir.to_owned(),
        }
    }

    /// Bytes of the segment's files; a segment whose files cannot be read counts as too large to
    /// merge.
    fn size(&self, segment: &SegmentMeta) -> u64 {
        let components = [
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
        ];
        components
            .into_iter()
            .map(|c| std::fs::metadata(self.dir.join(segment.relative_path(c))))
            .try_fold(0u64, |sum, m| m.map(|m| sum + m.len()))
            .unwrap_or(u64::MAX)
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sized: Vec<(u64, SegmentId)> =
            segments.iter().map(|s| (self.size(s), s.id())).collect();
        merges(&sized).into_iter().map(MergeCandidate).collect()
    }
}

/// The merges among segments of the given sizes: groups of the smallest segments (each at most
/// half of [`MAX_MERGE_INPUT`]) whose sizes add up to at most [`MAX_MERGE_INPUT`], of at least
/// [`MIN_MERGE_SEGMENTS`] segments each.
fn merges(segments: &[(u64, SegmentId)]) -> Vec<Vec<SegmentId>> {
    let mut small: Vec<(u64, SegmentId)> = segments
        .iter()
        .copied()
        .filter(|&(size, _)| size <= MAX_MERGE_INPUT / 2)
        .collect();
    small.sort_unstable();
    let mut out = Vec::new();
    let mut group = Vec::new();
    let mut total = 0;
    for (size, segment) in small {
        if total + size > MAX_MERGE_INPUT {
            if group.len() >= MIN_MERGE_SEGMENTS {
                out.push(std::mem::take(&mut group));
            }
            group.clear();
            total = 0;
        }
        group.push(segment);
        total += size;
    }
    if group.len() >= MIN_MERGE_SEGMENTS {
        out.push(group);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    fn sized(sizes: &[u64]) -> Vec<(u64, SegmentId)> {
        sizes
            .iter()
            .map(|&s| (s * MB, SegmentId::generate_random()))
            .collect()
    }

    fn merged_sizes(segments: &[(u64, SegmentId)]) -> Vec<Vec<u64>> {
        let size_of = |id: &SegmentId| segments.iter().find(|(_, s)| s == id).map(|(n, _)| n / MB);
        let mut out: Vec<Vec<u64>> = merges(segments)
            .iter()
            .map(|group| group.iter().filter_map(size_of).collect())
            .collect();
        for group in &mut out {
            group.sort_unstable();
        }
        out
    }

    #[test]
    fn fewer_than_four_small_segments_stay_apart() {
        assert!(merged_sizes(&sized(&[33, 33, 1])).is_empty());
    }

    #[test]
    fn small_segments_merge_up_to_the_input_bound() {
        // Five flushed segments of 33 MB fit in 192 MB; the sixth starts a group of its own.
        let got = merged_sizes(&sized(&[33, 33, 33, 33, 33, 33]));
        assert_eq!(got, vec![vec![33; 5]]);
        let total: u64 = got[0].iter().sum::<u64>() * MB;
        assert!(total <= MAX_MERGE_INPUT);
    }

    #[test]
    fn merged_segments_are_never_merged_again() {
        // Segments above half the bound (earlier merges) are left alone, however many there are.
        assert!(merged_sizes(&sized(&[165, 165, 165, 165, 165, 200])).is_empty());
        let got = merged_sizes(&sized(&[165, 165, 165, 165, 1, 2, 3, 4]));
        assert_eq!(got, vec![vec![1, 2, 3, 4]]);
    }

    #[test]
    fn an_unreadable_segment_is_not_merged() {
        let mut segments = sized(&[1, 1, 1, 1]);
        let unreadable = SegmentId::generate_random();
        segments.push((u64::MAX, unreadable));
        let got = merges(&segments);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].len(), 4);
        assert!(!got[0].contains(&unreadable));
    }
}
