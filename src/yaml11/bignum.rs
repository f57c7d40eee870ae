//! Just enough arbitrary-precision arithmetic to give Ruby's bignums exactly.
//!
//! Psych turns `0x` + forty hex digits or `99999999999999999999:00` into a Ruby
//! Integer of any size, and keeps fractional seconds as exact rationals. A linter
//! only needs to *print* such numbers, so this is a non-negative integer with
//! multiply-add, subtract-small and divide-small: no dependency for a corner case.

use std::fmt;

/// The most digits converted between bases (quadratic work here). About 3 ms;
/// no real front matter comes near it, and bad input must not hang the linter.
pub(crate) const BASE_CONVERSION_LIMIT: usize = 10_000;

/// One limb holds nine decimal digits, so printing is trivial.
const LIMB_BASE: u64 = 1_000_000_000;

/// A non-negative integer of any size: base-10⁹ limbs, least significant first,
/// no trailing zero limbs (zero is the empty vector).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    pub(crate) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// `self = self * mul + add`.
    pub(crate) fn mul_add(&mut self, mul: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.limbs {
            let v = u64::from(*limb) * u64::from(mul) + carry;
            *limb = (v % LIMB_BASE) as u32;
            carry = v / LIMB_BASE;
        }
        while carry > 0 {
            self.limbs.push((carry % LIMB_BASE) as u32);
            carry /= LIMB_BASE;
        }
        self.trim();
    }

    /// `self -= sub`; the caller guarantees `self >= sub`.
    pub(crate) fn sub_small(&mut self, sub: u32) {
        let mut borrow = u64::from(sub);
        for limb in &mut self.limbs {
            if borrow == 0 {
                break;
            }
            let have = u64::from(*limb);
            let take = borrow % LIMB_BASE;
            borrow /= LIMB_BASE;
            if have >= take {
                *limb = (have - take) as u32;
            } else {
                *limb = (have + LIMB_BASE - take) as u32;
                borrow += 1;
            }
        }
        debug_assert_eq!(borrow, 0, "sub_small underflow");
        self.trim();
    }

    /// `self /= div`, returning the remainder.
    pub(crate) fn div_rem_small(&mut self, div: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let v = rem * LIMB_BASE + u64::from(*limb);
            *limb = (v / u64::from(div)) as u32;
            rem = v % u64::from(div);
        }
        self.trim();
        rem as u32
    }

    /// Reads ASCII digits of `radix` (2..=16); the caller has checked them.
    ///
    /// Decimal text maps straight onto the limbs (linear time). Other bases are
    /// multiplied in chunk by chunk, which is quadratic: callers bound the length.
    pub(crate) fn from_digits(digits: &str, radix: u32) -> BigUint {
        if radix == 10 {
            let limbs = digits
                .as_bytes()
                .rchunks(9)
                .map(|chunk| {
                    chunk
                        .iter()
                        .fold(0u32, |v, &b| v * 10 + u32::from(b - b'0'))
                })
                .collect();
            let mut n = BigUint { limbs };
            n.trim();
            return n;
        }
        // Largest chunk whose multiplier radix^k still fits in u32.
        let mut chunk = 1usize;
        while u64::from(radix).pow(chunk as u32 + 1) <= u64::from(u32::MAX) {
            chunk += 1;
        }
        let mut n = BigUint::default();
        for piece in digits.as_bytes().chunks(chunk) {
            let mut value = 0u32;
            for &b in piece {
                value = value * radix + char::from(b).to_digit(radix).unwrap_or(0);
            }
            n.mul_add(radix.pow(piece.len() as u32), value);
        }
        n
    }

    pub(crate) fn to_u64(&self) -> Option<u64> {
        let mut v: u64 = 0;
        for &limb in self.limbs.iter().rev() {
            v = v.checked_mul(LIMB_BASE)?.checked_add(u64::from(limb))?;
        }
        Some(v)
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }
}

impl fmt::Display for BigUint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((top, rest)) = self.limbs.split_last() else {
            return f.write_str("0");
        };
        write!(f, "{top}")?;
        for limb in rest.iter().rev() {
            write!(f, "{limb:09}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_prints_every_radix() {
        assert_eq!(BigUint::from_digits("0", 10).to_string(), "0");
        assert_eq!(BigUint::from_digits("000123", 10).to_string(), "123");
        assert_eq!(BigUint::from_digits("ff", 16).to_string(), "255");
        assert_eq!(BigUint::from_digits("755", 8).to_string(), "493");
        assert_eq!(BigUint::from_digits("101", 2).to_string(), "5");
        assert_eq!(
            BigUint::from_digits("123456789012345678901234567890", 10).to_string(),
            "123456789012345678901234567890"
        );
        assert_eq!(
            BigUint::from_digits("ffffffffffffffffffffffffffffffff", 16).to_string(),
            "340282366920938463463374607431768211455"
        );
    }

    #[test]
    fn arithmetic_crosses_limb_boundaries() {
        let mut n = BigUint::from_digits("999999999", 10);
        n.mul_add(1, 1);
        assert_eq!(n.to_string(), "1000000000");
        n.sub_small(1);
        assert_eq!(n.to_string(), "999999999");
        let mut m = BigUint::from_digits("1000000000000000000", 10);
        m.sub_small(3599);
        assert_eq!(m.to_string(), "999999999999996401");
        let mut d = BigUint::from_digits("1234567891", 10);
        assert_eq!(d.div_rem_small(10), 1);
        assert_eq!(d.to_string(), "123456789");
        assert_eq!(d.to_u64(), Some(123_456_789));
        assert_eq!(
            BigUint::from_digits("99999999999999999999", 10).to_u64(),
            None
        );
        assert!(BigUint::from_digits("000", 10).is_zero());
    }
}
