//! Unit tests with concrete values; expected values come from Jekyll 4.3.1 / Ruby 3.1.2.

mod date;
