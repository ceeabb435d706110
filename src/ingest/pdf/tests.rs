//! Unit tests of the reader's entry point (panic containment, the panic-hook
//! flag) and of the operand pre-scan; also the switch that makes the reader
//! panic on purpose.

use super::operands::operand_safe_prefix;
use super::*;

thread_local! {
    pub(super) static INJECT_PANIC: Cell<bool> = const { Cell::new(false) };
}

#[test]
fn a_panic_inside_becomes_an_error() {
    quiet_reader_panics();
    INJECT_PANIC.with(|c| c.set(true));
    let r = read_pdf(b"%PDF-1.4\n", &Limits::default());
    INJECT_PANIC.with(|c| c.set(false));
    assert_eq!(r, Err(PdfError::Panicked("injected".into())));
    assert_eq!(IN_READER.with(|c| c.get()), 0);
    // panics outside read_pdf still reach the previous hook and unwind as usual
    assert!(std::panic::catch_unwind(|| panic!("outside")).is_err());
}

#[test]
fn operand_runs() {
    assert_eq!(operand_safe_prefix(b"1 2 3 4 re f", 4), 12);
    assert_eq!(operand_safe_prefix(b"q 1 2 3 4 5 re", 4), 1);
    assert_eq!(operand_safe_prefix(b"BT [(a)(b)(c)(d)(e)] TJ", 4), 2);
    assert_eq!(operand_safe_prefix(b"/P <</MCID 0>> BDC (x) Tj", 8), 25);
    assert_eq!(operand_safe_prefix(b"BI /W 1 ID \x01\x02 1 2 3 4 5 6 EI Q", 4), 30);
}
