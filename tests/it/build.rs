//! `yardstick build` on the bundled reports and on bad input.
