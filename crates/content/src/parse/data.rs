//! Data an item shows: a table of cells or a chart drawn from labels and values.

use super::fields::{Fields, as_number, count, list};
use super::numeric::tidy;
use crate::error::ErrorKind;
use crate::model::{Chart, ChartKind, Table};
use crate::source::Report;

/// `table = [["Header", ...], ["row", ...], ...]`: cells are text (numbers are accepted too).
pub(crate) fn read_table(f: &Fields<'_, '_>, r: &mut Report) -> Option<Table> {
    let rows = f.list("table", r)?;
    let mut cells: Vec<Vec<String>> = Vec::new();
    for row in rows.value {
        let Some(values) = row.get_ref().as_array() else {
            let what = "each row of `table` should be a list of cells";
            r.add(
                &f.loc,
                row.span().start,
                ErrorKind::Data,
                what,
                "Write rows like `[\"April\", \"6\"]`.",
            );
            return None;
        };
        cells.push(values.iter().map(|v| cell_text(v.get_ref())).collect());
    }
    let Some((header, data)) = cells.split_first() else {
        data_error(
            f,
            rows.at,
            "`table` is empty",
            "Give a header row and at least one data row.",
            r,
        );
        return None;
    };
    if data.is_empty() {
        data_error(
            f,
            rows.at,
            "`table` has no data rows",
            "Add at least one row under the header.",
            r,
        );
    }
    for (index, row) in data
        .iter()
        .enumerate()
        .filter(|(_, row)| row.len() != header.len())
    {
        let what = format!(
            "row {} of `table` has {} cells but the header has {}",
            index + 2,
            row.len(),
            header.len()
        );
        data_error(
            f,
            rows.value[index + 1].span().start,
            &what,
            "Give every row one cell per column.",
            r,
        );
    }
    Some(Table {
        header: header.clone(),
        rows: data.to_vec(),
    })
}

fn cell_text(value: &toml::de::DeValue<'_>) -> String {
    match value.as_str() {
        Some(text) => text.to_string(),
        None => as_number(value).map_or_else(String::new, |n| n.to_string()),
    }
}

fn data_error(f: &Fields<'_, '_>, at: usize, what: &str, fix: &str, r: &mut Report) {
    r.add(&f.loc, at, ErrorKind::Data, what, fix);
}

const CHART_KINDS: [&str; 3] = ["bar", "line", "run"];

pub(crate) fn read_chart(f: &Fields<'_, '_>, r: &mut Report) -> Option<Chart> {
    f.check_keys(
        &["kind", "title", "x_label", "y_label", "labels", "values"],
        r,
    );
    let kind = f.required_text("kind", r).and_then(|kind| {
        let parsed = match kind.value.as_str() {
            "bar" => Some(ChartKind::Bar),
            "line" => Some(ChartKind::Line),
            "run" => Some(ChartKind::Run),
            _ => None,
        };
        if parsed.is_none() {
            let what = format!("unknown chart kind `{}`", kind.value);
            r.add(
                &f.loc,
                kind.at,
                ErrorKind::InvalidValue,
                what,
                format!("Use {}.", list(&CHART_KINDS)),
            );
        }
        parsed
    });
    let title = f.required_text("title", r);
    let x_label = f.required_text("x_label", r);
    let y_label = f.required_text("y_label", r);
    let labels = f.required_labels(r);
    let values = read_values(f, r);
    if let (Some(labels), Some(values)) = (&labels, &values)
        && (labels.len() != values.len() || labels.is_empty())
    {
        let what = format!(
            "the chart has {} and {}",
            count(labels.len(), "label"),
            count(values.len(), "value")
        );
        let at = f.entry("values").map_or(f.at, |(at, _)| at);
        data_error(f, at, &what, "Give one value per label, at least one.", r);
    }
    let mut chart = Chart {
        kind: kind?,
        title: title?.value,
        x_label: x_label?.value,
        y_label: y_label?.value,
        labels: labels?,
        values: values?,
        text_alternative: String::new(),
    };
    chart.text_alternative = describe_chart(&chart);
    Some(chart)
}

impl Fields<'_, '_> {
    fn required_labels(&self, r: &mut Report) -> Option<Vec<String>> {
        if !self.has("labels") {
            self.missing("labels", "labels = [\"Apr\", \"May\"]", r);
        }
        let labels = self.text_list("labels", r)?;
        Some(labels.value.into_iter().map(|l| l.value).collect())
    }
}

fn read_values(f: &Fields<'_, '_>, r: &mut Report) -> Option<Vec<f64>> {
    if !f.has("values") {
        f.missing("values", "values = [6, 9]", r);
    }
    let list = f.list("values", r)?;
    let mut values = Vec::new();
    for value in list.value {
        match as_number(value.get_ref()) {
            Some(number) => values.push(number),
            None => {
                let what = "`values` should be a list of numbers";
                data_error(
                    f,
                    value.span().start,
                    what,
                    "Write them like `values = [6, 9]`.",
                    r,
                );
                return None;
            }
        }
    }
    Some(values)
}

/// The chart's data in words, for screen readers and as a fallback.
pub(crate) fn describe_chart(chart: &Chart) -> String {
    let kind = match chart.kind {
        ChartKind::Bar => "Bar chart",
        ChartKind::Line => "Line chart",
        ChartKind::Run => "Run chart",
    };
    let points: Vec<String> = chart
        .labels
        .iter()
        .zip(&chart.values)
        .map(|(label, value)| format!("{label}: {}", tidy(*value)))
        .collect();
    let mut text = format!(
        "{kind}, {}. {} by {}. {}.",
        chart.title,
        chart.y_label,
        chart.x_label,
        points.join("; ")
    );
    if chart.kind == ChartKind::Run && !chart.values.is_empty() {
        let mut sorted = chart.values.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        text.push_str(&format!(" Median: {}.", tidy(median)));
    }
    text
}
