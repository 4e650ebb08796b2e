pub fn render_markdown() {}
