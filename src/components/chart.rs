//! Charts drawn as SVG from data (bar, line, and run charts with their median), always with
//! the same data in words beside them for screen-reader users.

use yew::prelude::*;

/// How the values are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartStyle {
    Bar,
    Line,
    /// A line with its median drawn as a dashed line.
    Run,
}

/// What a chart shows.
#[derive(Debug, PartialEq)]
pub struct ChartProps {
    pub style: ChartStyle,
    pub title: AttrValue,
    pub x_label: AttrValue,
    pub y_label: AttrValue,
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    /// The chart's data in words.
    pub text_alternative: AttrValue,
    /// A fixed top of the scale (for percentages), otherwise the largest value.
    pub y_max: Option<f64>,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// A chart figure: SVG, a caption, and the text alternative. A plain function rather than a
/// component: it has no state, and each component costs the first screen code size.
pub fn chart(props: &ChartProps) -> Html {
    let top = props
        .y_max
        .unwrap_or_else(|| nice_ceiling(props.values.iter().copied().fold(0.0, f64::max)));
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let count = props.values.len().max(1) as f64;
    let x_of = |index: usize| LEFT + plot_width * (index as f64 + 0.5) / count;
    let y_of = |value: f64| TOP + plot_height * (1.0 - (value / top).clamp(0.0, 1.0));
    let marks = match props.style {
        ChartStyle::Bar => bars(&props.values, &x_of, &y_of, plot_width / count),
        ChartStyle::Line | ChartStyle::Run => line(&props.values, &x_of, &y_of),
    };
    let median_line = (props.style == ChartStyle::Run).then(|| {
        let y = y_of(median(&props.values));
        html! { <line class="app-chart__median" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
            y1={y.to_string()} y2={y.to_string()} /> }
    });
    let step = (props.labels.len() / 6).max(1);
    let x_ticks = props.labels.iter().enumerate().filter(|(i, _)| i % step == 0).map(|(i, label)| {
        html! { <text class="app-chart__tick" x={x_of(i).to_string()} y={(HEIGHT - BOTTOM + 14.0).to_string()}
            text-anchor="middle">{ label }</text> }
    });
    let y_ticks = [0.0, 0.5, 1.0].map(|fraction| {
        let value = top * fraction;
        html! { <text class="app-chart__tick" x={(LEFT - 4.0).to_string()} y={(y_of(value) + 4.0).to_string()}
            text-anchor="end">{ format_value(value) }</text> }
    });
    html! {
        <figure class="app-chart">
            <figcaption class="nhsuk-body-s app-chart__title">{ &props.title }</figcaption>
            <svg class="app-chart__svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-label={format!("{}. {}", props.title, props.text_alternative)} focusable="false">
                <line class="app-chart__axis" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                <line class="app-chart__axis" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                { for y_ticks }
                { for x_ticks }
                { marks }
                { median_line }
                <text class="app-chart__label" x={(LEFT + plot_width / 2.0).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ &props.x_label }</text>
                <text class="app-chart__label" x="10" y={(TOP + plot_height / 2.0).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 10 {})", TOP + plot_height / 2.0)}>{ &props.y_label }</text>
            </svg>
            <details class="nhsuk-details app-chart__words">
                <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ "This chart in words" }</span></summary>
                <div class="nhsuk-details__text"><p>{ &props.text_alternative }</p></div>
            </details>
        </figure>
    }
}

fn bars(
    values: &[f64],
    x_of: &impl Fn(usize) -> f64,
    y_of: &impl Fn(f64) -> f64,
    slot: f64,
) -> Html {
    let width = (slot * 0.7).max(2.0);
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            let y = y_of(value);
            html! { <rect class="app-chart__bar" x={(x_of(index) - width / 2.0).to_string()} y={y.to_string()}
                width={width.to_string()} height={(y_of(0.0) - y).max(0.0).to_string()} /> }
        })
        .collect()
}

fn line(values: &[f64], x_of: &impl Fn(usize) -> f64, y_of: &impl Fn(f64) -> f64) -> Html {
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(index, &value)| format!("{:.1},{:.1}", x_of(index), y_of(value)))
        .collect();
    let dots = values.iter().enumerate().map(|(index, &value)| {
        html! { <circle class="app-chart__dot" cx={x_of(index).to_string()} cy={y_of(value).to_string()} r="2.5" /> }
    });
    html! {
        <>
            <polyline class="app-chart__line" points={points.join(" ")} />
            { for dots }
        </>
    }
}

/// The median of the values (0 when there are none).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    engine::sort::sort_by(&mut sorted, f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// A round number at or above `value` for the top of the scale.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|step| step * magnitude)
        .find(|&candidate| candidate >= value)
        .unwrap_or(10.0 * magnitude)
}

fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_scales() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(nice_ceiling(87.0), 100.0);
        assert_eq!(nice_ceiling(21.0), 25.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }
}
