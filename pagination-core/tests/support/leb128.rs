//! LEB128, the integer encoding of cursors and recorded tokens, for tests that write cursor bytes
//! by hand (shared by the `engine` and `properties` test binaries).

/// Appends `value` as LEB128.
pub fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}
