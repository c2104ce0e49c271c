// A content root for the no-jank check: `modules` generated modules of `lessons` lessons of
// `items` true/false items each (20 x 25 x 20 = 10,000 items), in the same source format the
// shell-scaling check (xtask/src/shell_scaling.rs) writes, so the content compiler validates it.
// Returns [path, text] pairs; site.toml keeps the bundled site's branding and lists only these.

const pad = (n) => String(n).padStart(2, '0');

export function jankContent(siteToml, modules, lessons, items) {
  const files = [];
  const ids = [];
  for (let m = 0; m < modules; m++) {
    const id = `gen-${pad(m)}`;
    ids.push(id);
    const lessonIds = Array.from({ length: lessons }, (_, l) => `l${pad(l)}`);
    files.push([`${id}/module.toml`, [
      `id = "${id}"`,
      `title = "Generated ${id}"`,
      'summary = "A generated module for the no-jank check."',
      'audience = "Tests"',
      'estimated_minutes = 60',
      'version = 1',
      'desired_retention = 0.9',
      'domains = ["technical-proficiency"]',
      'facts_checked = "2026-11"',
      `lessons = [${lessonIds.map((lesson) => `"${lesson}"`).join(', ')}]`,
      '',
      '[[sources]]',
      'title = "NCSC"',
      'url = "https://www.ncsc.gov.uk/"',
      '',
    ].join('\n')]);
    for (const lesson of lessonIds) {
      let text = `+++\nid = "${lesson}"\ntitle = "Lesson ${lesson}"\nobjective = "Answer generated statements."\n+++\n\n## A card\nA short card for a generated lesson.\n`;
      for (let q = 0; q < items; q++) {
        text += `\n\`\`\`item\nid = "${id}.${lesson}.q${pad(q)}"\ntype = "true-false"\nprompt = "Generated statement ${q} of ${lesson} in ${id}."\n`
          + 'answer = true\nexplanation = "Because it is generated."\n'
          + 'source = { title = "NCSC", url = "https://www.ncsc.gov.uk/" }\n```\n';
      }
      files.push([`${id}/${lesson}.md`, text]);
    }
  }
  const site = siteToml.replace(/^modules\s*=.*$/m, `modules = [${ids.map((id) => `"${id}"`).join(', ')}]`);
  files.push(['site.toml', site]);
  return files;
}
