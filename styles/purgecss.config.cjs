// PurgeCSS (run by `cargo xtask build`, xtask/src/bundle.rs): keeps only the rules whose class
// names appear in the app's code. nhsuk-frontend's components bring every variant (header search,
// card types, responsive tables); the app uses a few, and the whole stylesheet dropped from
// 255 KB to about 72 KB (22 KB to about 9 KB brotli), which also makes each style recalculation
// cheaper on a slow phone.
//
// Class names are found as words in the Rust sources (html! markup), index.html and the browser
// glue. Lesson content cannot add classes (the content checker refuses raw HTML), but its
// Markdown becomes plain elements, so every element selector is kept. A class built at run time
// must be listed under `greedy`. tests/e2e/styles-purge.spec.mjs compares every element's
// computed style under this stylesheet and the full one, screen by screen.
module.exports = {
  content: ['src/**/*.rs', 'crates/*/src/**/*.rs', 'index.html', 'web/**/*.js'],
  safelist: {
    standard: [
      'html', 'body', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'code', 'pre', 'br',
      'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'blockquote',
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'hr', 'figure', 'figcaption', 'dl', 'dt', 'dd',
      'details', 'summary', 'svg', 'progress', 'dialog', 'mark', 'kbd', 'small', 'sup', 'sub',
      'input', 'label', 'button', 'select', 'option', 'textarea', 'fieldset', 'legend', 'form',
      'main', 'header', 'nav', 'footer', 'section', 'article', 'aside', 'span', 'div',
    ],
    // format!("app-calendar__day--{level}") in src/components/chart.rs.
    greedy: [/^app-calendar__day--/],
  },
};
