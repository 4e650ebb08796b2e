pub const SCHEMA_VERSION: u32 = 1;
pub fn render_json() {}
