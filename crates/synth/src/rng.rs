//! The pseudo-random numbers behind every choice: SplitMix64, seeded from (seed, document index),
//! so that each document is the same on every machine and can be made alone.

/// SplitMix64 (Steele, Lea and Flood): small, fast and good enough to choose phrases.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for document `index` of the set `seed`.
    pub fn for_document(seed: u64, index: u64) -> Rng {
        let mut base = Rng(seed ^ 0x7a68_656e_6763_6521);
        let mixed = base.next_u64() ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut rng = Rng(mixed);
        rng.next_u64();
        rng
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Multiply-shift: unbiased enough for n far below 2^32.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with a probability of `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len());
        &items[i.min(items.len().saturating_sub(1))]
    }

    /// `n` distinct items of `items` (all of them, shuffled, when `n` is larger).
    pub fn sample<T: Copy>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let n = n.min(items.len());
        for i in 0..n {
            let j = i + self.below(order.len() - i);
            order.swap(i, j);
        }
        order[..n].iter().map(|&i| items[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u64> = (0..5).map(|_| Rng::for_document(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::for_document(7, 3).next_u64(),
            Rng::for_document(7, 4).next_u64()
        );
        let mut r = Rng::for_document(1, 1);
        assert!((0..1000).all(|_| r.below(7) < 7));
        let s = r.sample(&[1, 2, 3, 4], 3);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|x| (1..=4).contains(x)));
    }
}
