pub fn render_text() {}
